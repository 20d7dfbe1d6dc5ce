package org.persistenceexplorer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.CellResult;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.txlab.TxLabBench;

/**
 * The transactions lab's "run the whole matrix" (every Hermitage test and variant at four
 * levels, 56 cells, sessions A/B/C on the lab's pool, waits told by pg_blocking_pids) in the real
 * lab view on headless FX with the app's runner: the FX thread's longest stall while the cells
 * fill in, the matrix's wall time and how many cells agree with Hermitage. Blocking, under a
 * minute; its own throw-away PostgreSQL.
 */
final class TransactionsLabBenchmark implements BenchmarkSection {

    @Override
    public String title() {
        return "Transactions lab (run the whole matrix)";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        Path folder = Files.createTempDirectory("pe-bench-txlab-");
        StatementRecorder recorder = new StatementRecorder();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), RootPolicy.detect());
             SqlDatabase app = SqlDatabase.open(server.endpoint(), recorder);
             OrmSessions orm = new OrmSessions(app::dataSource, TestEngines.ENTITIES);
             TransactionsLab lab = new TransactionsLab(app::dataSource, (name, size, timeout) -> new SidePool(
                     SqlDatabase.openSide(server.endpoint(), recorder, name, size, timeout.toMillis())), orm, recorder)) {
            lab.open();
            BenchFx.startToolkit();
            Platform.setImplicitExit(false);
            FxBackgroundRunner runner = new FxBackgroundRunner(4);
            TxLabBench[] bench = new TxLabBench[1];
            onFx(() -> {
                bench[0] = new TxLabBench(runner, lab);
                Stage stage = new Stage();
                Scene scene = new Scene(ViewLoader.load(bench[0].view()), 1280, 800);
                scene.getStylesheets().add(TransactionsLabBenchmark.class.getResource("/css/explorer.css").toExternalForm());
                bench[0].style(scene);
                stage.setScene(scene);
                stage.show();
                bench[0].showMatrixPage();
            });
            awaitIdle(bench[0]);
            // warm-up: one test through the view
            onFx(() -> bench[0].model().runScript());
            awaitIdle(bench[0]);

            FxStallWatchdog watchdog = new FxStallWatchdog();
            watchdog.start();
            long start = System.nanoTime();
            onFx(() -> bench[0].model().runMatrix());
            awaitIdle(bench[0]);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(300); // the last cells drawn
            FxStallWatchdog.Result stall = watchdog.stop();
            int[] agree = new int[2];
            onFx(() -> {
                agree[0] = (int) bench[0].model().matrix().values().stream().filter(CellResult::agrees).count();
                agree[1] = bench[0].model().matrix().size();
                bench[0].model().close();
            });
            runner.close();
            System.err.println("[txlab] " + stall.summary() + "; matrix " + seconds + " s; " + agree[0] + "/" + agree[1] + " agree");
            String md = String.format(Locale.ROOT, "\"Run the whole matrix\" in the lab's view (1280x800, headless FX, the app's "
                    + "runner): %d tests x %d levels, each cell a fresh test table, sessions A/B/C on the lab's pool of %d, "
                    + "waits told by pg_blocking_pids, aborted transactions retried. Stall: the FX thread's longest wait "
                    + "(FxStallWatchdog) from the click until the last cell is drawn; histogram %s. "
                    + "%d of %d cells agree with Hermitage's PostgreSQL column.%n%n"
                    + "- Longest FX stall: **%d ms** (target < 50)%n- Whole matrix: **%.1f s**%n",
                    AnomalyTests.ALL.size(), Isolation.values().length, TransactionsLab.POOL_SIZE, stall.summary(),
                    agree[0], agree[1], stall.maxMs(), seconds);
            List<Figure> figures = new ArrayList<>(StallFigures.of("txlab.max_stall_ms", stall));
            figures.add(Figure.of("txlab.matrix_seconds", seconds, "s", Figure.Target.informative()));
            figures.add(Figure.of("txlab.cells_agreeing", agree[0], "cells", Figure.Target.informative()));
            return new BenchmarkReport.Section(title(), md, figures);
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    private static void awaitIdle(TxLabBench bench) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Thread.sleep(20);
        while (System.nanoTime() < deadline) {
            boolean[] idle = new boolean[1];
            onFx(() -> idle[0] = bench.model().readyProperty().get() && !bench.model().busyProperty().get());
            if (idle[0]) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the lab did not finish within 120 s");
    }

    private static void onFx(Runnable action) throws InterruptedException {
        BenchFx.onFx(action);
    }
}
