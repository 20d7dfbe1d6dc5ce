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
import org.persistenceexplorer.app.MeasuredStart;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * How fast the real app starts: {@link MeasuredStart} in a fresh JVM per start (headless, with
 * this JVM's flags and classpath), once on an empty data folder (cold) and {@value #WARM_STARTS}
 * times on the same folder again (warm); then, as the yardstick, a bare embedded PostgreSQL start
 * on that folder in this JVM. Figures: cold window time, warm window / bare PostgreSQL, warm all
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
                Start start = start(root, data, i);
                starts.add(start);
                progress((i == 0 ? "cold" : "warm " + i) + " start: " + start);
            }
            double[] bare = new double[BARE_POSTGRES_STARTS];
            for (int i = 0; i < bare.length; i++) {
                bare[i] = barePostgresStartMs(data);
                progress(String.format(Locale.ROOT, "bare PostgreSQL start %d: %.0f ms", i + 1, bare[i]));
            }
            return StartupReport.section(title(), starts.get(0), starts.subList(1, starts.size()), bare);
        } finally {
            TestEngines.deleteFolder(root);
        }
    }

    /** One start of the app in its own JVM; its output goes to a log file beside the data folder. */
    private static Start start(Path root, Path data, int number) throws IOException, InterruptedException {
        Path log = root.resolve("start-" + number + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The flags this JVM got from the pom: pe.jvm.flags, headless Monocle, the settings node.
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-Djava.class.path")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MeasuredStart.class.getName(), data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("start " + number + " did not finish in " + GIVE_UP_SECONDS + " s:\n" + tail(log));
        }
        List<String> lines = Files.readAllLines(log);
        String values = lines.stream().filter(l -> l.startsWith(MeasuredStart.LINE)).findFirst().orElse(null);
        if (process.exitValue() != 0 || values == null) {
            throw new IllegalStateException("start " + number + " failed (exit " + process.exitValue() + "):\n" + tail(log));
        }
        String stalls = lines.stream().filter(l -> l.startsWith(MeasuredStart.STALLS_LINE)).findFirst()
                .map(l -> l.substring(MeasuredStart.STALLS_LINE.length())).orElse("");
        Map<String, Long> v = keyValues(values.substring(MeasuredStart.LINE.length()));
        return new Start(v.get("window_ms"), v.get("all_up_ms"), v.get("max_stall_ms"), stalls);
    }

    private static Map<String, Long> keyValues(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    /** The yardstick: starting the embedded PostgreSQL alone on the app's existing data. */
    private static double barePostgresStartMs(Path data) throws Exception {
        Path folder = new EngineSettings(data, null, null, null, null, null, null).postgresFolder();
        long start = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, RootPolicy.detect());
        double ms = (System.nanoTime() - start) / 1e6;
        server.close();
        return ms;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void progress(String line) {
        System.err.println("[startup] " + line);
    }

    /**
     * One start of the app, times since its JVM started.
     *
     * @param stalls the watchdog's one-line summary
     */
    record Start(long windowMs, long allUpMs, long maxStallMs, String stalls) {

        double allUpPerWindow() {
            return (double) allUpMs / windowMs;
        }

        @Override
        public String toString() {
            return "window " + windowMs + " ms, all up " + allUpMs + " ms, longest FX stall " + maxStallMs + " ms";
        }
    }
}
