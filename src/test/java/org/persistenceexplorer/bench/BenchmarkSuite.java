package org.persistenceexplorer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark run ({@code mvn -Pbenchmark -DskipTests verify}): every section in
 * {@link #SECTIONS}, one after the other in this JVM, into one report written as
 * {@code <reportDir>/report.md} and {@code report.json} and printed to stdout. A section that
 * fails is reported as failed and makes the run exit with 1 after the report is written.
 * {@code -Dbench.only=<text>} runs only the sections whose title contains it. Progress goes to stderr. A main class on the test classpath, not a test: timings never go
 * into test assertions.
 */
public final class BenchmarkSuite {

    /** The sections in report order; a new section is one line here. */
    static final List<BenchmarkSection> SECTIONS = List.of(
            new CaptureOverheadSection(),
            new StartupBenchmark(),
            new StatementLogHeapBenchmark(),
            new OrgChartSection(),
            new MigrationsBenchmark(),
            new TablesBenchmark(),
            new ConsoleBenchmark(),
            new LoadingLabBenchmark(),
            new TransactionsLabBenchmark());

    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        Path reportDir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        BenchmarkReport report = new BenchmarkReport();
        // -Dbench.only=<text>: only the sections whose title contains it (case-insensitive), while working on one
        String only = System.getProperty("bench.only", "").strip().toLowerCase(java.util.Locale.ROOT);
        for (BenchmarkSection section : SECTIONS) {
            if (!only.isEmpty() && !section.title().toLowerCase(java.util.Locale.ROOT).contains(only)) {
                continue;
            }
            long start = System.nanoTime();
            System.err.println("[benchmark] " + section.title() + " ...");
            try {
                report.add(section.run());
            } catch (Exception e) {
                System.err.println("[benchmark] FAIL: " + section.title() + " did not complete: " + e);
                e.printStackTrace();
                report.addFailure(section.title(), e);
            }
            System.err.printf("[benchmark] %s took %d s%n", section.title(), (System.nanoTime() - start) / 1_000_000_000);
        }
        int exitCode = report.failed() ? 1 : 0;
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.md"), report.markdown());
            Files.writeString(reportDir.resolve("report.json"), report.json());
            System.out.println(report.markdown());
            System.err.println("[benchmark] report: " + reportDir.resolve("report.md") + " and report.json");
        } catch (Exception e) {
            System.err.println("FAIL: could not write the report to " + reportDir + ": " + e);
            exitCode = 1;
        }
        // Pool housekeeping and engine threads must not keep the JVM alive.
        System.exit(exitCode);
    }
}
