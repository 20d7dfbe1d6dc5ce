package org.persistenceexplorer.bench;

/**
 * One part of the benchmark run (capture overhead, startup, heap, ...). {@link BenchmarkSuite}
 * runs every section in its list, one after the other, and puts what each returns into the
 * report. Adding a section is one class implementing this plus one line in that list.
 */
public interface BenchmarkSection {

    /** The heading of the section in the report, e.g. "Capture overhead". */
    String title();

    /**
     * Measures. Blocking, may take a minute or two; runs alone (no other section at the same
     * time) and cleans up whatever it started. Progress goes to stderr.
     */
    BenchmarkReport.Section run() throws Exception;
}
