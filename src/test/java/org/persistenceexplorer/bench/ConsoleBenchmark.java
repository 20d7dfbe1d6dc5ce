package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.console.CypherConsole;
import org.persistenceexplorer.service.console.HqlConsole;
import org.persistenceexplorer.service.console.QueryConsole;
import org.persistenceexplorer.service.console.RunSettings;
import org.persistenceexplorer.service.console.SqlConsole;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.store.sql.PostgresEndpoint;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.console.ConsoleHistory;
import org.persistenceexplorer.ui.console.ConsoleView;
import org.persistenceexplorer.ui.console.ConsoleViewModel;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Query Console with a 1M-row table (generate_series in a scratch schema): time to the first
 * page through the console (paged cursor on the captured pool) against the same query's first
 * page through plain JDBC (its own pgjdbc connection, same fetch size), median of rounds; heap
 * after fetching 10 pages; the FX thread's longest stall while the console view shows the first
 * page and ten "fetch more" pages. Blocking; cleans up its schema.
 */
final class ConsoleBenchmark implements BenchmarkSection {

    private static final String SCHEMA = "console_bench";
    private static final String QUERY = "SELECT id, name, amount, created FROM " + SCHEMA + ".big ORDER BY id";
    private static final int ROUNDS = Integer.getInteger("bench.console.rounds", 101);
    private static final int WARM_UP = Integer.getInteger("bench.console.warmup", 200);
    private static final int ROWS = 1_000_000;

    @Override
    public String title() {
        return "Query Console";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        var db = TestEngines.sql().database();
        admin(db.connection(), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".big AS SELECT g AS id, 'name ' || g AS name, (g % 1000) * 1.5 AS amount, "
                        + "now() - g * interval '1 second' AS created FROM generate_series(1, " + ROWS + ") g",
                "ALTER TABLE " + SCHEMA + ".big ADD PRIMARY KEY (id)", "ANALYZE " + SCHEMA + ".big");
        try {
            SqlConsole sql = new SqlConsole(db::dataSource);
            QueryConsole console = new QueryConsole(sql, new HqlConsole(new OrmSessions(db::dataSource, List.of()),
                    new StatementLog(100)), new CypherConsole((c, p, w, m) -> {
                        throw new UnsupportedOperationException();
                    }));
            PostgresEndpoint endpoint = TestEngines.sql().server().endpoint();
            List<Double> consoleMs = new ArrayList<>();
            List<Double> jdbcMs = new ArrayList<>();
            List<Double> unnamedMs = new ArrayList<>();
            List<Double> pooledMs = new ArrayList<>();
            java.util.Properties noNamed = new java.util.Properties();
            noNamed.setProperty("user", endpoint.user());
            if (endpoint.password() != null) {
                noNamed.setProperty("password", endpoint.password());
            }
            noNamed.setProperty("prepareThreshold", "0");
            try (Connection plain = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
                 Connection unnamed = DriverManager.getConnection(endpoint.jdbcUrl(), noNamed)) {
                plain.setAutoCommit(false);
                unnamed.setAutoCommit(false);
                // Both sides warm (the console's own code is JIT-compiled only after many runs), the
                // order turned every round, so what the machine does hits both; medians.
                for (int round = 0; round < ROUNDS + WARM_UP; round++) {
                    double c;
                    double j;
                    if (round % 2 == 0) {
                        c = firstPageThroughConsole(console);
                        j = firstPageThroughJdbc(plain);
                    } else {
                        j = firstPageThroughJdbc(plain);
                        c = firstPageThroughConsole(console);
                    }
                    double u = firstPageThroughJdbc(unnamed);
                    double p;
                    try (Connection pooled = db.dataSource().getConnection()) {
                        pooled.setAutoCommit(false);
                        p = firstPageThroughJdbc(pooled);
                    }
                    if (round >= WARM_UP) {
                        consoleMs.add(c);
                        jdbcMs.add(j);
                        unnamedMs.add(u);
                        pooledMs.add(p);
                    }
                }
            }
            double consoleMedian = median(consoleMs);
            double jdbcMedian = median(jdbcMs);
            double unnamedMedian = median(unnamedMs);
            double pooledMedian = median(pooledMs);
            // The figure: the median of each round's own ratio (console and plain JDBC back to back),
            // as capture.overhead_ratio does; load that changes between rounds then cancels out.
            double[] perRound = new double[consoleMs.size()];
            for (int i = 0; i < perRound.length; i++) {
                perRound[i] = consoleMs.get(i) / jdbcMs.get(i);
            }
            double ratio = Median.of(perRound);
            double ratioOfMedians = consoleMedian / jdbcMedian;

            double heapBefore = usedAfterGcMb();
            console.run(org.persistenceexplorer.domain.console.ConsoleMode.SQL, new ScriptPiece(QUERY, 0), RunSettings.defaults());
            List<ConsoleResult.Rows> kept = new ArrayList<>();
            for (int page = 1; page < 10; page++) {
                kept.add(console.fetchMore());
            }
            double heapAfter = usedAfterGcMb();
            int held = kept.stream().mapToInt(p -> p.rows().size()).sum() + SqlConsole.PAGE_ROWS;
            console.closeResults();

            // The first view in a fresh JVM runs the grid's code interpreted (class loading, JIT):
            // reported, but the target is for the view as it behaves once warm, as in a running app
            // where the Tables tab's grid ran first: one more warm-up view, then the measured one.
            FxStallWatchdog.Result firstView = stallWhileStreaming(console).stall();
            stallWhileStreaming(console);
            StreamedView measured = stallWhileStreaming(console);
            FxStallWatchdog.Result stall = measured.stall();
            String markdown = String.format(Locale.ROOT, """
                    %d-row table; `%s`; %d rounds after %d warm-up rounds (console and plain JDBC in turns,
                    the order flipped every round), medians.

                    | measure | value |
                    |---|---|
                    | first page (%d rows) through the console | %.2f ms |
                    | first page through plain JDBC (own connection, fetch size %d) | %.2f ms |
                    | ratio (median of the rounds' own ratios: the figure) | %.2f |
                    | ratio of the medians | %.2f |
                    | plain JDBC with `prepareThreshold=0` (the pool's setting, decision 0003), informative | %.2f ms |
                    | plain JDBC on a connection of the captured pool (capture, no console), informative | %.2f ms |
                    | heap after 10 pages (%d rows held), over the heap before | %.1f MB (%.1f -> %.1f MB) |
                    | FX thread's longest stall, first page + 10 "fetch more" in a new view (third view of the JVM) | %d ms (%d pulses) |
                    | the FX thread's CPU in that view, first page + 10 "fetch more" (informative) | %d ms |
                    | the same in the JVM's first view (cold code, informative) | %d ms |

                    %s

                    Longest stall's FX and render thread stacks (top frames):
                    ```
                    %s
                    ```
                    """, ROWS, QUERY, ROUNDS, WARM_UP, SqlConsole.PAGE_ROWS, consoleMedian, SqlConsole.PAGE_ROWS, jdbcMedian, ratio, ratioOfMedians,
                    unnamedMedian, pooledMedian,
                    held, heapAfter - heapBefore, heapBefore, heapAfter, stall.maxMs(), stall.pulses(), measured.fxCpuMs(), firstView.maxMs(),
                    stall.summary(), stall.longestStallTrace().strip());
            List<Figure> figures = new ArrayList<>(List.of(
                    Figure.of("console.first_page_ratio", ratio, "ratio", Figure.Target.atMost("1.5")),
                    Figure.of("console.heap_mb_10_pages", heapAfter - heapBefore, "MB", Figure.Target.informative())));
            figures.addAll(StallFigures.of("console.max_stall_ms", stall));
            figures.add(Figure.of("console.stream_fx_cpu_ms", measured.fxCpuMs(), "ms", Figure.Target.informative()));
            figures.add(Figure.of("console.max_stall_ms_first_view", firstView.maxMs(), "ms", Figure.Target.informative()));
            return new BenchmarkReport.Section(title(), markdown, figures);
        } finally {
            admin(db.connection(), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static double median(List<Double> values) {
        return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double firstPageThroughConsole(QueryConsole console) throws Exception {
        long start = System.nanoTime();
        var run = console.run(org.persistenceexplorer.domain.console.ConsoleMode.SQL, new ScriptPiece(QUERY, 0),
                RunSettings.defaults());
        double ms = (System.nanoTime() - start) / 1e6;
        if (((ConsoleResult.Rows) run.results().get(0)).rows().size() != SqlConsole.PAGE_ROWS) {
            throw new IllegalStateException("the console's first page is not " + SqlConsole.PAGE_ROWS + " rows");
        }
        console.closeResults();
        return ms;
    }

    private static double firstPageThroughJdbc(Connection plain) throws Exception {
        long start = System.nanoTime();
        int rows = 0;
        try (Statement s = plain.createStatement()) {
            s.setFetchSize(SqlConsole.PAGE_ROWS);
            try (ResultSet rs = s.executeQuery(QUERY)) {
                int width = rs.getMetaData().getColumnCount();
                while (rows < SqlConsole.PAGE_ROWS && rs.next()) {
                    for (int i = 1; i <= width; i++) {
                        rs.getString(i);
                    }
                    rows++;
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        plain.commit();
        return ms;
    }

    /** Runs the query and ten "fetch more" in the real console view while the watchdog pulses the FX thread. */
    private static StreamedView stallWhileStreaming(QueryConsole console) throws Exception {
        BenchFx.startToolkit();
        Platform.setImplicitExit(false); // closing this window must not end the toolkit for the next one
        Preferences node = Preferences.userRoot().node("org/persistenceexplorer/benchmark/console-" + UUID.randomUUID());
        ConsoleViewModel[] model = new ConsoleViewModel[1];
        Stage[] window = new Stage[1];
        onFx(() -> {
            model[0] = new ConsoleViewModel(new FxBackgroundRunner(2), console, new ConsoleHistory(node), false);
            org.persistenceexplorer.testsupport.AppLook.apply();
            Stage stage = new Stage();
            Scene scene = new Scene(ViewLoader.load(new ConsoleView(model[0])), 1200, 800);
            scene.getStylesheets().add(ConsoleBenchmark.class.getResource("/css/explorer.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            window[0] = stage;
        });
        Thread.sleep(500); // the empty window's first frames drawn: the figure is about results arriving
        long[] fxCpu = new long[2];
        onFx(() -> fxCpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        onFx(() -> model[0].runAt(QUERY, 0, 0, 0));
        awaitIdle(model[0]);
        for (int page = 0; page < 10; page++) {
            onFx(() -> model[0].fetchMore());
            awaitIdle(model[0]);
        }
        Thread.sleep(300); // the last page's rows drawn
        FxStallWatchdog.Result result = watchdog.stop();
        onFx(() -> fxCpu[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        onFx(() -> {
            model[0].close();
            window[0].close();
        });
        node.removeNode();
        return new StreamedView(result, (fxCpu[1] - fxCpu[0]) / 1_000_000);
    }

    /** One streamed view: the watchdog's result and the FX thread's CPU over the same time. */
    private record StreamedView(FxStallWatchdog.Result stall, long fxCpuMs) {
    }

    private static void awaitIdle(ConsoleViewModel model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Thread.sleep(20);
        while (System.nanoTime() < deadline) {
            boolean[] busy = new boolean[1];
            onFx(() -> busy[0] = model.runningProperty().get());
            if (!busy[0]) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the console did not finish within 60 s");
    }

    private static void onFx(Runnable action) throws InterruptedException {
        BenchFx.onFx(action);
    }

    private static double usedAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static void admin(Connection c, String... statements) throws Exception {
        try (c; Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
