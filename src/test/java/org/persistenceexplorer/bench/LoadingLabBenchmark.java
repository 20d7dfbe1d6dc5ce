package org.persistenceexplorer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.service.log.LogVerdicts;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.persistenceexplorer.ui.status.StatementCounterOverlay;
import org.persistenceexplorer.ui.status.VerdictViewModel;

/**
 * The loading lab at N = 10,000 departments, lazy (10,001 SELECTs + BEGIN / COMMIT): (1) the FX
 * thread's longest stall while the log panel, the verdict and the projector counter refresh on
 * a 200 ms tick as the statements arrive (headless FX, the app's view-models); (2) the same run
 * with capture vs on an uncaptured pool, alternating, median of the per-round ratios.
 * Blocking, a few minutes on 2 cores; its own throw-away PostgreSQL.
 */
final class LoadingLabBenchmark implements BenchmarkSection {

    private static final int N = 10_000;
    private static final int ROUNDS = 9;
    /** Unmeasured pairs of runs before the capture ratio's rounds: the JIT settles on both pools. */
    private static final int WARM_UP = 2;
    /** {@code -Dbench.lab.stallRuns=K}: K watched runs; the figure is the worst. Only these with {@code -Dbench.lab.stallOnly=true}. */
    private static final int STALL_RUNS = Math.max(1, Integer.getInteger("bench.lab.stallRuns", 1));
    private static final boolean STALL_ONLY = Boolean.getBoolean("bench.lab.stallOnly");

    @Override
    public String title() {
        return "Loading lab (N+1 at N = 10,000)";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        Path folder = Files.createTempDirectory("pe-bench-lab-");
        StatementRecorder recorder = new StatementRecorder();
        StatementLog log = new StatementLog();
        recorder.addListener(log);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), RootPolicy.detect());
             SqlDatabase captured = SqlDatabase.open(server.endpoint(), recorder);
             SqlDatabase raw = SqlDatabase.openUncaptured(server.endpoint());
             OrmSessions capturedOrm = new OrmSessions(captured::dataSource, TestEngines.ENTITIES);
             OrmSessions rawOrm = new OrmSessions(raw::dataSource, TestEngines.ENTITIES)) {
            capturedOrm.open();
            rawOrm.open();
            LogVerdicts verdicts = new LogVerdicts(log, capturedOrm::relationshipNames);
            LoadingLab lab = new LoadingLab(capturedOrm, captured::dataSource, recorder, verdicts);
            LoadingLab uncaptured = new LoadingLab(rawOrm, raw::dataSource, new StatementRecorder());
            lab.seed(N);
            System.err.println("[lab] seeded " + N + " departments");
            LivePanel panel = LivePanel.show(log, verdicts);
            // warm-up: one run through the live panel (as in the app, the panel has been ticking since
            // startup: its code is warm and it has no backlog), the uncaptured pool once too
            lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
            uncaptured.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
            Thread.sleep(1_000); // the warm-up's last ticks drained

            FxStallWatchdog.Result stall = null;
            for (int k = 0; k < STALL_RUNS; k++) {
                if (k > 0) {
                    Thread.sleep(1_000);
                }
                FxStallWatchdog.Result one = panel.stallDuring(
                        () -> lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0));
                System.err.println("[lab] watched run " + (k + 1) + ": " + one.summary());
                if (stall == null || one.maxMs() > stall.maxMs()) {
                    stall = one;
                }
            }
            String ticks = panel.slowestTicks();
            panel.close();
            System.err.println("[lab] stall: " + stall.summary());
            System.err.println("[lab] slowest ticks: " + ticks);
            System.err.println("[lab] the FX thread during the longest stall:\n" + stall.longestStallTrace());
            for (int i = 0; i < (STALL_ONLY ? 0 : WARM_UP); i++) {
                lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
                uncaptured.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
            }

            List<Double> ratios = new ArrayList<>();
            long selects = 0;
            for (int i = 0; i < (STALL_ONLY ? 0 : ROUNDS); i++) {
                boolean capturedFirst = i % 2 == 0;
                long c;
                long r;
                if (capturedFirst) {
                    LabRun run = lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
                    selects = run.selects();
                    c = run.wallNanos();
                    r = uncaptured.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0).wallNanos();
                } else {
                    r = uncaptured.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0).wallNanos();
                    LabRun run = lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
                    selects = run.selects();
                    c = run.wallNanos();
                }
                ratios.add((double) c / r);
                System.err.printf(Locale.ROOT, "[lab] round %d: captured %.0f ms, raw %.0f ms, ratio %.3f%n",
                        i + 1, c / 1e6, r / 1e6, (double) c / r);
            }
            double ratio = STALL_ONLY ? -1 : Median.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "Departments -> employees, lazy, N = %,d: %,d SELECTs per run. "
                    + "Stall: the FX thread's longest wait (FxStallWatchdog) during one run (the worst of "
                    + STALL_RUNS + " with -Dbench.lab.stallRuns) while the log panel "
                    + "(StatementLogView in a 1280x800 window, its table over a SortedList), the status bar's verdict "
                    + "and the projector counter refresh on a 200 ms UiTicker; the panel ticked through a warm-up run "
                    + "first, as in the app it ticks from startup. The log view keeps at most %,d rows. Capture ratio: "
                    + "the same run on the captured pool vs an uncaptured one, %d alternating rounds after %d warm-up "
                    + "pairs, median of the per-round ratios (%s).%n%n", N, selects, StatementLogViewModel.MAX_ROWS, ROUNDS,
                    WARM_UP + 1,
                    String.join(", ", ratios.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList())));
            md.append("- Longest FX stall: **").append(stall.maxMs()).append(" ms** (target < 50); ")
                    .append(stall.summary()).append('\n');
            md.append("- Ticks: ").append(ticks).append('\n');
            if (!stall.longestStallTrace().isEmpty()) {
                md.append("\n  The FX thread during it:\n\n```\n").append(stall.longestStallTrace()).append("```\n\n");
            }
            md.append(String.format(Locale.ROOT, "- Capture ratio: **%.3f** (target <= 1.10)%n", ratio));
            List<Figure> figures = new ArrayList<>(StallFigures.of("lab.max_stall_ms_n10000", stall));
            figures.add(Figure.of("lab.capture_ratio_n10000", ratio, "ratio", Figure.Target.atMost("1.10")));
            return new BenchmarkReport.Section(title(), md.toString(), figures);
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    /**
     * The app's live parts for this run, in a window of their own: the statement log panel (its
     * table over a SortedList, as in the app), the status bar's verdict and the projector counter,
     * refreshed by one {@link UiTicker} every 200 ms. Each tick is timed part by part, so the
     * report says what the slowest ticks spent their time on.
     */
    private static final class LivePanel {
        private final UiTicker ticker = new UiTicker();
        private final List<long[]> ticks = new ArrayList<>();
        /** The scene's layout passes (CSS and layout of a pulse) while recording: wall and FX-thread CPU, in ns. */
        private final List<long[]> layouts = new ArrayList<>();
        private Stage stage;
        private boolean recording;

        static LivePanel show(StatementLog log, LogVerdicts verdicts) throws Exception {
            BenchFx.startToolkit();
            Platform.setImplicitExit(false);
            LivePanel panel = new LivePanel();
            onFx(() -> {
                StatementLogViewModel logModel = new StatementLogViewModel(log);
                VerdictViewModel verdictModel = new VerdictViewModel(verdicts, v -> { });
                StatementCounterOverlay counter = new StatementCounterOverlay(log);
                Label verdict = new Label();
                verdict.textProperty().bind(verdictModel.textProperty());
                org.persistenceexplorer.testsupport.AppLook.apply();
                BorderPane root = new BorderPane(new StackPane(ViewLoader.load(new StatementLogView(logModel)), counter.node()));
                root.setBottom(verdict);
                Scene scene = new Scene(root, 1280, 800);
                scene.getStylesheets().add(LoadingLabBenchmark.class.getResource("/css/explorer.css").toExternalForm());
                long[] layoutStart = new long[2];
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                scene.addPreLayoutPulseListener(() -> {
                    layoutStart[0] = System.nanoTime();
                    layoutStart[1] = threads.getCurrentThreadCpuTime();
                });
                scene.addPostLayoutPulseListener(() -> {
                    if (panel.recording) {
                        panel.layouts.add(new long[] {System.nanoTime() - layoutStart[0],
                                threads.getCurrentThreadCpuTime() - layoutStart[1]});
                    }
                });
                panel.stage = new Stage();
                panel.stage.setScene(scene);
                panel.stage.show();
                panel.ticker.subscribe(() -> {
                    long t0 = System.nanoTime();
                    int rowsBefore = logModel.allRows().size();
                    logModel.refresh();
                    long t1 = System.nanoTime();
                    verdictModel.refresh();
                    long t2 = System.nanoTime();
                    counter.refresh();
                    long t3 = System.nanoTime();
                    if (panel.recording) {
                        panel.ticks.add(new long[] {t3 - t0, t1 - t0, t2 - t1, t3 - t2, rowsBefore, logModel.allRows().size()});
                    }
                });
                panel.ticker.start();
            });
            return panel;
        }

        /** Runs {@code work} on this thread while the watchdog pulses the FX thread. */
        FxStallWatchdog.Result stallDuring(Callable<?> work) throws Exception {
            onFx(() -> recording = true);
            FxStallWatchdog watchdog = new FxStallWatchdog();
            watchdog.start();
            work.call();
            Thread.sleep(600); // the last ticks drain what arrived
            FxStallWatchdog.Result result = watchdog.stop();
            onFx(() -> recording = false);
            return result;
        }

        /** The three slowest ticks, part by part. */
        String slowestTicks() throws Exception {
            List<String> slowest = new ArrayList<>();
            onFx(() -> ticks.stream().sorted((a, b) -> Long.compare(b[0], a[0])).limit(3).forEach(t ->
                    slowest.add(String.format(Locale.ROOT, "%.1f ms (log %.1f, rows %d -> %d; verdict %.1f; counter %.1f)",
                            t[0] / 1e6, t[1] / 1e6, t[4], t[5], t[2] / 1e6, t[3] / 1e6))));
            long[] layout = new long[3];
            onFx(() -> {
                layout[0] = layouts.size();
                layouts.stream().max((a, b) -> Long.compare(a[0], b[0])).ifPresent(l -> {
                    layout[1] = l[0];
                    layout[2] = l[1];
                });
            });
            // CPU beside wall: a pass whose CPU is far below its wall time waited for a core (or GC), it did not work
            return String.format(Locale.ROOT, "%d ticks; slowest: %s; %d layout passes, the slowest %.1f ms (FX thread CPU in it %.1f ms)",
                    ticks.size(), String.join(", ", slowest), layout[0], layout[1] / 1e6, layout[2] / 1e6);
        }

        void close() throws Exception {
            onFx(() -> {
                ticker.stop();
                stage.close();
            });
        }
    }

    private static void onFx(Runnable action) throws InterruptedException {
        BenchFx.onFx(action);
    }
}
