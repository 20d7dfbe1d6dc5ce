package org.persistenceexplorer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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
    private static final int ROUNDS = 5;

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
            // warm-up
            lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
            uncaptured.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);

            FxStallWatchdog.Result stall = stallDuringLazyRun(lab, log, verdicts);
            System.err.println("[lab] stall: " + stall.summary());
            System.err.println("[lab] the FX thread during the longest stall:\n" + stall.longestStallTrace());

            List<Double> ratios = new ArrayList<>();
            long selects = 0;
            for (int i = 0; i < ROUNDS; i++) {
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
            double ratio = Median.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "Departments -> employees, lazy, N = %,d: %,d SELECTs per run. "
                    + "Stall: the FX thread's longest wait (FxStallWatchdog) while the log panel "
                    + "(StatementLogViewModel), the status bar's verdict and the projector counter refresh on a "
                    + "200 ms tick during one run; the log view keeps at most %,d rows. Capture ratio: the same run "
                    + "on the captured pool vs an uncaptured one, %d alternating rounds after a warm-up, median of "
                    + "the per-round ratios (%s).%n%n", N, selects, StatementLogViewModel.MAX_ROWS, ROUNDS,
                    String.join(", ", ratios.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList())));
            md.append("- Longest FX stall: **").append(stall.maxMs()).append(" ms** (target < 50); ")
                    .append(stall.summary()).append('\n');
            if (!stall.longestStallTrace().isEmpty()) {
                md.append("\n  The FX thread during it:\n\n```\n").append(stall.longestStallTrace()).append("```\n\n");
            }
            md.append(String.format(Locale.ROOT, "- Capture ratio: **%.3f** (target <= 1.10)%n", ratio));
            return new BenchmarkReport.Section(title(), md.toString(), List.of(
                    Figure.of("lab.max_stall_ms_n10000", stall.maxMs(), "ms", Figure.Target.below("50")),
                    Figure.of("lab.capture_ratio_n10000", ratio, "ratio", Figure.Target.atMost("1.10"))));
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    private static FxStallWatchdog.Result stallDuringLazyRun(LoadingLab lab, StatementLog log, LogVerdicts verdicts)
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        javafx.animation.Timeline[] ticker = new javafx.animation.Timeline[1];
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            StatementLogViewModel logModel = new StatementLogViewModel(log);
            VerdictViewModel verdictModel = new VerdictViewModel(verdicts, v -> { });
            StatementCounterOverlay counter = new StatementCounterOverlay(log);
            ticker[0] = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(200), e -> {
                logModel.refresh();
                verdictModel.refresh();
                counter.refresh();
            }));
            ticker[0].setCycleCount(javafx.animation.Animation.INDEFINITE);
            ticker[0].play();
            ready.countDown();
        });
        ready.await(30, TimeUnit.SECONDS);
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, N, 25, 0);
        Thread.sleep(600); // the last ticks drain what arrived
        FxStallWatchdog.Result result = watchdog.stop();
        Platform.runLater(() -> ticker[0].stop());
        return result;
    }
}
