package org.persistenceexplorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.persistenceexplorer.bench.StartupBenchmark.Bare;
import org.persistenceexplorer.bench.StartupBenchmark.Start;

/** The startup section's Markdown and figures from the measured starts. Stateless. */
final class StartupReport {

    private StartupReport() {
    }

    static BenchmarkReport.Section section(String title, Start cold, List<Start> warm, List<Bare> bare) {
        double warmWindowMs = Median.of(warm.stream().mapToDouble(Start::windowMs).toArray());
        double bareMs = Median.of(bare.stream().mapToDouble(Bare::upMs).toArray());
        List<Figure> figures = List.of(
                Figure.of("start.window_cold_s", cold.windowMs() / 1000.0, "s", Figure.Target.informative()),
                Figure.of("start.window_warm_ratio", warmWindowMs / bareMs, "ratio", Figure.Target.atMost("1.5")),
                Figure.of("start.all_up_warm_ratio", Median.of(warm.stream().mapToDouble(Start::allUpPerWindow).toArray()),
                        "ratio", Figure.Target.atMost("2")),
                Figure.of("fx.max_stall_ms_startup", Median.of(warm.stream().mapToDouble(Start::maxStallMs).toArray()),
                        "ms", Figure.Target.below("250")));

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "The real app (`ExplorerApp` through `MeasuredStart`), headless under Monocle, "
                + "each start in a JVM of its own: 1 cold start on an empty data folder, then %d warm starts on the same "
                + "folder. Times are from the start of that JVM to the main window showing (*window*) and to both engines "
                + "up, org graph imported (*all up*). An `FxStallWatchdog` in the app's JVM measures the FX thread from "
                + "the toolkit's start until all up. The yardstick is a bare PostgreSQL start (`BarePostgresStart`: "
                + "`EmbeddedPostgresServer.start` on the same data folder, then close), also in a JVM of its own and "
                + "timed from that JVM's start, %d times, median.%n%n", warm.size(), bare.size()));
        md.append("| start | window s | all up s | all up / window | longest FX stall ms | FX stalls |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        List<Start> all = new ArrayList<>(List.of(cold));
        all.addAll(warm);
        for (int i = 0; i < all.size(); i++) {
            Start s = all.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d | %s |%n", i == 0 ? "cold" : "warm " + i,
                    s.windowMs() / 1000.0, s.allUpMs() / 1000.0, s.allUpPerWindow(), s.maxStallMs(), s.stalls()));
        }
        md.append(String.format(Locale.ROOT, "%n- Bare PostgreSQL start on the existing data folder, up after JVM start: "
                + "%s ms (median %.0f ms); of that, the start call itself: %s ms%n",
                bare.stream().map(b -> String.valueOf(b.upMs())).collect(Collectors.joining(", ")), bareMs,
                bare.stream().map(b -> String.valueOf(b.startMs())).collect(Collectors.joining(", "))));
        md.append(String.format(Locale.ROOT, "- Warm window, median: %.2f s = %.2f x the bare PostgreSQL start (target <= 1.5)%n",
                warmWindowMs / 1000, warmWindowMs / bareMs));
        md.append("- `start.window_cold_s` is informative (no target): it depends on the machine and mostly measures "
                + "initdb, the first migration and Neo4j creating its store.\n");
        md.append("- `fx.max_stall_ms_startup` is the median of the warm starts' longest stalls (target < 250 ms).\n");
        Start worst = all.stream().max(java.util.Comparator.comparingLong(Start::maxStallMs)).orElseThrow();
        if (!worst.trace().isBlank()) {
            md.append(String.format(Locale.ROOT, "%nThe FX thread during the longest stall (%d ms, %s start; sampled, top frames):%n%n```%n%s%n```%n",
                    worst.maxStallMs(), all.indexOf(worst) == 0 ? "cold" : "warm " + all.indexOf(worst), worst.trace()));
        }
        return new BenchmarkReport.Section(title, md.toString(), figures);
    }
}
