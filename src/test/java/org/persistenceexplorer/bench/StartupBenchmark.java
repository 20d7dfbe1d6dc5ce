package org.persistenceexplorer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.persistenceexplorer.app.MeasuredStart;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * How fast the real app starts: {@link MeasuredStart} in a fresh JVM per start (headless, with
 * this JVM's flags and classpath), once on an empty data folder (cold) and {@value #WARM_STARTS}
 * times on the same folder again (warm); then, as the yardstick, {@link BarePostgresStart}: the
 * embedded PostgreSQL alone on that folder, also in a fresh JVM each time, so both are timed from
 * a JVM's start. Figures: cold window time, warm window / bare PostgreSQL, warm all
 * up / window, and the longest FX stall of a warm start (medians of the warm starts).
 * Blocking; runs the starts one after the other.
 */
final class StartupBenchmark implements BenchmarkSection {

    static final int WARM_STARTS = 3;
    static final int BARE_POSTGRES_STARTS = 3;
    private static final long GIVE_UP_SECONDS = 200;

    @Override
    public String title() {
        return "Startup";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        Path root = Files.createTempDirectory("pe-bench-start-");
        Path data = root.resolve("data");
        try {
            List<Start> starts = new ArrayList<>();
            for (int i = 0; i <= WARM_STARTS; i++) {
                List<String> output = runJvm(root, "start-" + i, MeasuredStart.class, data);
                Map<String, Long> v = values(output);
                Start start = new Start(v.get("window_ms"), v.get("all_up_ms"), v.get("max_stall_ms"),
                        linesAfter(output, MeasuredStart.STALLS_LINE), linesAfter(output, MeasuredStart.TRACE_LINE));
                starts.add(start);
                progress((i == 0 ? "cold" : "warm " + i) + " start: " + start);
            }
            Path postgres = new EngineSettings(data, null, null, null, null, null, null).postgresFolder();
            List<Bare> bare = new ArrayList<>();
            for (int i = 0; i < BARE_POSTGRES_STARTS; i++) {
                Map<String, Long> v = values(runJvm(root, "bare-postgres-" + i, BarePostgresStart.class, postgres));
                bare.add(new Bare(v.get("up_ms"), v.get("start_ms")));
                progress("bare PostgreSQL start " + (i + 1) + ": up " + v.get("up_ms") + " ms after JVM start, "
                        + v.get("start_ms") + " ms in start()");
            }
            return StartupReport.section(title(), starts.get(0), starts.subList(1, starts.size()), bare);
        } finally {
            TestEngines.deleteFolder(root);
        }
    }

    /**
     * Runs {@code main} in a JVM of its own with this JVM's flags (from the pom: pe.jvm.flags,
     * headless Monocle, the settings node) and classpath; returns its output once it exited 0
     * and printed its {@code PE-BENCH} line. Its output goes to a log file under {@code root}.
     */
    private static List<String> runJvm(Path root, String name, Class<?> main, Path argument)
            throws IOException, InterruptedException {
        Path log = root.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-Djava.class.path")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), argument.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not finish in " + GIVE_UP_SECONDS + " s:\n" + tail(log));
        }
        List<String> output = Files.readAllLines(log);
        if (process.exitValue() != 0 || linesAfter(output, MeasuredStart.LINE).isEmpty()) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "):\n" + tail(log));
        }
        return output;
    }

    /** The numbers of the {@code PE-BENCH key=value ...} line. */
    private static Map<String, Long> values(List<String> output) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : linesAfter(output, MeasuredStart.LINE).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    /** What follows {@code prefix} on each line that starts with it, one per line. */
    private static String linesAfter(List<String> output, String prefix) {
        return output.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.joining("\n"));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * One bare PostgreSQL start.
     *
     * @param upMs    from its JVM's start to the server up
     * @param startMs the {@code EmbeddedPostgresServer.start} call alone
     */
    record Bare(long upMs, long startMs) {
    }

    private static void progress(String line) {
        System.err.println("[startup] " + line);
    }

    /**
     * One start of the app, times since its JVM started.
     *
     * @param stalls the watchdog's one-line summary
     * @param trace  the FX thread's stack during the longest stall, "" if it was short
     */
    record Start(long windowMs, long allUpMs, long maxStallMs, String stalls, String trace) {

        double allUpPerWindow() {
            return (double) allUpMs / windowMs;
        }

        @Override
        public String toString() {
            return "window " + windowMs + " ms, all up " + allUpMs + " ms, longest FX stall " + maxStallMs + " ms";
        }
    }
}
