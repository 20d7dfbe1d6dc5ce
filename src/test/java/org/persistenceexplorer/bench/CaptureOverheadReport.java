package org.persistenceexplorer.bench;

import static org.persistenceexplorer.bench.CaptureOverheadBenchmark.MEASURED_ROUNDS;
import static org.persistenceexplorer.bench.CaptureOverheadBenchmark.STATEMENTS_PER_ROUND;
import static org.persistenceexplorer.bench.CaptureOverheadBenchmark.TARGET_RATIO;
import static org.persistenceexplorer.bench.CaptureOverheadBenchmark.WARM_UP_ROUNDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The measured rounds of {@link CaptureOverheadBenchmark} and their Markdown section: server,
 * method, one row per round, the median ratio and the verdict against the target, and a
 * {@code FAIL} line for any round whose capture did not record exactly what it ran.
 * Not thread-safe; used by the benchmark's one thread.
 */
final class CaptureOverheadReport {

    private final String serverVersion;
    private final List<Round> rounds = new ArrayList<>();

    CaptureOverheadReport(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    void add(Round round) {
        rounds.add(round);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("- PostgreSQL: ").append(serverVersion).append(" (embedded, same server for both pools)\n\n");

        md.append("### Method\n\n");
        md.append(String.format(Locale.ROOT, "Each pass runs %,d statements on one thread: alternately a "
                + "parameterised single-row `SELECT` by primary key and a single-row `UPDATE`, each on a "
                + "connection borrowed from the pool in auto-commit and returned at once. *Captured* is the "
                + "product pool (HikariCP over datasource-proxy, StatementRecorder -> StatementLog); *raw* is "
                + "the same pool settings without capture. %d warm-up rounds, then %d measured rounds; each "
                + "round runs one captured and one raw pass, the order flipping every round. Ratio = captured "
                + "time / raw time of the same round; the verdict uses the median ratio (target <= %.2f). "
                + "Client CPU is the CPU time of the benchmark's one thread (JDBC driver, pool, proxy, capture), "
                + "which isolates what capture itself costs from round trips and other load on the machine.%n%n",
                STATEMENTS_PER_ROUND, WARM_UP_ROUNDS, MEASURED_ROUNDS, TARGET_RATIO));

        md.append("### Rounds\n\n");
        md.append("| round | order | captured ms | raw ms | captured stmt/s | raw stmt/s | ratio "
                + "| client CPU µs/stmt captured | raw | recorded |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %,.0f | %,.0f | %.3f | %.1f | %.1f | %,d |%n",
                    i + 1, r.capturedFirst() ? "captured, raw" : "raw, captured",
                    r.capturedNanos() / 1e6, r.rawNanos() / 1e6, r.capturedPerSecond(), r.rawPerSecond(),
                    r.ratio(), r.capturedCpuMicros(), r.rawCpuMicros(), r.recorded()));
        }
        double ratio = medianRatio();
        md.append('\n');
        md.append(String.format(Locale.ROOT, "- Median captured: %,.0f statements/s (%.1f µs each)%n",
                median(Round::capturedPerSecond), 1e6 / median(Round::capturedPerSecond)));
        md.append(String.format(Locale.ROOT, "- Median raw: %,.0f statements/s (%.1f µs each)%n",
                median(Round::rawPerSecond), 1e6 / median(Round::rawPerSecond)));
        md.append(String.format(Locale.ROOT, "- Median client CPU per statement: captured %.1f µs, raw %.1f µs "
                + "(capture adds %.1f µs)%n", median(Round::capturedCpuMicros), median(Round::rawCpuMicros),
                median(Round::addedCpuMicros)));
        md.append(String.format(Locale.ROOT, "- Ratio spread: %.3f to %.3f%n",
                rounds.stream().mapToDouble(Round::ratio).min().orElse(Double.NaN),
                rounds.stream().mapToDouble(Round::ratio).max().orElse(Double.NaN)));
        md.append(String.format(Locale.ROOT, "- **Median ratio captured/raw: %.3f**%n%n", ratio));

        md.append("### Verdict\n\n");
        md.append(ratio <= TARGET_RATIO
                ? String.format(Locale.ROOT, "PASS: capture adds %.1f%% (target: at most %.0f%%).%n",
                        (ratio - 1) * 100, (TARGET_RATIO - 1) * 100)
                : String.format(Locale.ROOT, "ABOVE TARGET: capture adds %.1f%% (target: at most %.0f%%).%n",
                        (ratio - 1) * 100, (TARGET_RATIO - 1) * 100));
        List<String> failures = countFailures();
        if (failures.isEmpty()) {
            md.append(String.format(Locale.ROOT, "Counts OK: every captured pass recorded exactly the %,d "
                    + "statements it ran (%,d SELECT, %,d UPDATE, nothing else).%n",
                    STATEMENTS_PER_ROUND, STATEMENTS_PER_ROUND / 2, STATEMENTS_PER_ROUND / 2));
        } else {
            failures.forEach(f -> md.append(f).append('\n'));
        }
        return md.toString();
    }

    private List<String> countFailures() {
        List<String> failures = new ArrayList<>();
        int half = STATEMENTS_PER_ROUND / 2;
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            if (r.recorded() != STATEMENTS_PER_ROUND || r.selects() != half || r.updates() != half) {
                failures.add(String.format(Locale.ROOT, "FAIL: round %d ran %,d statements (%,d SELECT, %,d UPDATE) "
                        + "but the statement log recorded %,d (%,d SELECT, %,d UPDATE).", i + 1,
                        STATEMENTS_PER_ROUND, half, half, r.recorded(), r.selects(), r.updates()));
            }
        }
        return failures;
    }

    /** The verdict's number: the median of the rounds' ratios captured/raw. */
    double medianRatio() {
        return median(Round::ratio);
    }

    private double median(ToDoubleFunction<Round> value) {
        return Median.of(rounds.stream().mapToDouble(value).toArray());
    }

    /**
     * One measured round.
     *
     * @param recorded statements the log counted during the round (only the captured pass adds any)
     */
    record Round(boolean capturedFirst, long capturedNanos, long rawNanos, long capturedCpuNanos, long rawCpuNanos,
                 long recorded, long selects, long updates) {

        double ratio() {
            return (double) capturedNanos / rawNanos;
        }

        double capturedPerSecond() {
            return STATEMENTS_PER_ROUND * 1e9 / capturedNanos;
        }

        double rawPerSecond() {
            return STATEMENTS_PER_ROUND * 1e9 / rawNanos;
        }

        /** Client CPU time per statement, µs. */
        double capturedCpuMicros() {
            return capturedCpuNanos / 1e3 / STATEMENTS_PER_ROUND;
        }

        double rawCpuMicros() {
            return rawCpuNanos / 1e3 / STATEMENTS_PER_ROUND;
        }

        /** Client CPU that capture adds per statement, µs. */
        double addedCpuMicros() {
            return capturedCpuMicros() - rawCpuMicros();
        }
    }
}
