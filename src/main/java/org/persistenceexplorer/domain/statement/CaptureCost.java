package org.persistenceexplorer.domain.statement;

import java.util.Locale;

/**
 * What capturing costs, measured live: the CPU time the capture's own bookkeeping took (before
 * and after each sampled statement: numbering, masking, recording, every listener such as the
 * statement log) over the latest statements sampled. Immutable.
 *
 * @param samples  statements measured (the latest ones)
 * @param cpuNanos thread CPU time of their capture bookkeeping, summed
 * @param every    one statement in this many is measured
 */
public record CaptureCost(long samples, long cpuNanos, int every) {

    /** Mean CPU microseconds of capture per statement, or -1 before the first sample. */
    public double microsPerStatement() {
        return samples == 0 ? -1 : cpuNanos / 1000.0 / samples;
    }

    /** "capture 14.2 µs CPU / statement", or a plain sentence before anything was measured. */
    public String describe() {
        return samples == 0 ? "capture cost: not measured yet"
                : String.format(Locale.ROOT, "capture %.1f µs CPU / statement", microsPerStatement());
    }
}
