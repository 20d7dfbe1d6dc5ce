package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.sql.DataSource;
import org.persistenceexplorer.service.hrdata.GeneratedHr;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowIndex;
import org.persistenceexplorer.service.tables.RowQuery;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.testsupport.FxStallWatchdog;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.tables.TablesView;
import org.persistenceexplorer.ui.tables.TablesViewModel;
import org.testfx.api.FxToolkit;

/**
 * The Tables tab at a million employees, on the shared test server in a schema of its own
 * ({@value #SCHEMA}, migrated with the hr track): the generator's rows per second and heap,
 * the cost of a deep keyset page against the first, and the FX thread's longest stall while
 * the grid is scrolled through the million rows for 10 s. Blocking; drops its schema at the end.
 */
final class TablesBenchmark implements BenchmarkSection {

    static final String SCHEMA = "bench_tables";
    private static final int EMPLOYEES = 1_000_000;
    private static final int DEEP_ROW = 990_000;
    private static final int ROUNDS = 15;
    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public String title() {
        return "Tables tab at a million rows";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        DataSource dataSource = TestEngines.sql().database().dataSource();
        new Migrations(dataSource).migrate(new MigrationTrack("hr", SCHEMA));
        StringBuilder md = new StringBuilder();
        List<Figure> figures = new ArrayList<>();
        try {
            if (Boolean.getBoolean("bench.tables.scrollOnly")) {
                // For A/B work on the grid: the same million employees' shape filled by one SQL
                // statement in seconds instead of the generator's minutes; only the scroll figures.
                quickFill(dataSource, md);
            } else {
                generate(dataSource, md, figures);
                deepPage(dataSource, md, figures);
            }
            scroll(dataSource, md, figures);
        } finally {
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
        return new BenchmarkReport.Section(title(), md.toString(), figures);
    }

    /**
     * One run of the generator with the live heap sampled (a GC before each sample every 250 ms:
     * live data, not garbage waiting for collection); the forced GCs slow it a little, so the
     * rows per second are a lower bound.
     */
    private static void generate(DataSource dataSource, StringBuilder md, List<Figure> figures) throws Exception {
        HrGenerator generator = new HrGenerator(() -> dataSource);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pe-bench-heap-sampler");
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        sampler.start();
        GeneratedHr run;
        try (WorkContext.Scope scope = WorkContext.enter("benchmark: generate hr", new CancelHooks())) {
            run = generator.generate(SCHEMA, EMPLOYEES, Progress.NONE);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double rowsPerSecond = run.rows() / (run.took().toNanos() / 1e9);
        double peakMb = peak.get() / MIB;
        System.err.printf("[benchmark] generated %,d rows in %d ms%n", run.rows(), run.took().toMillis());
        md.append(String.format(Locale.ROOT, "Generator, %,d employees (%,d rows in the four tables, one COPY per table "
                        + "through the capture layer, one transaction): %.1f s, %,.0f rows/s (%,.0f employees/s). Live heap "
                        + "sampled after a GC every 250 ms meanwhile: peak %.0f MiB (%.0f MiB before it started).%n%n",
                EMPLOYEES, run.rows(), run.took().toMillis() / 1000.0, rowsPerSecond, run.employeesPerSecond(),
                peakMb, before / MIB));
        figures.add(Figure.of("tables.generate_rows_per_s", rowsPerSecond, "rows/s", Figure.Target.informative()));
        figures.add(Figure.of("tables.generate_peak_heap_mb", peakMb, "MiB", Figure.Target.atMost("512")));
    }

    private static void quickFill(DataSource dataSource, StringBuilder md) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".department (name, budget) SELECT 'Department ' || d, 100000 "
                    + "FROM generate_series(1, 40) d");
            s.execute("INSERT INTO " + SCHEMA + ".employee (name, email, title, salary, hired_on, department_id, manager_id, "
                    + "created_at) SELECT 'Person ' || e, 'person' || e || '@example.com', 'Engineer ' || (e % 7), "
                    + "40000 + (e % 5000), date '2000-01-01' + (e % 9000), 1 + e % 40, "
                    + "CASE WHEN e > 40 THEN 1 + e % 40 END, CASE WHEN e % 3 = 0 THEN now() END "
                    + "FROM generate_series(1, " + EMPLOYEES + ") e");
            s.execute("ANALYZE " + SCHEMA + ".employee");
        }
        md.append(String.format(Locale.ROOT, "Scroll only (`-Dbench.tables.scrollOnly=true`): %,d employees filled by one "
                + "INSERT ... SELECT, no generator or paging figures.%n%n", EMPLOYEES));
    }

    private static void deepPage(DataSource dataSource, StringBuilder md, List<Figure> figures) throws Exception {
        TableCatalog catalog = new TableCatalog(() -> dataSource);
        TableRows rows = new TableRows(() -> dataSource);
        TableDescription employee = catalog.describe(new TableRef(SCHEMA, "employee"));
        RowQuery query = RowQuery.all(employee);
        long indexStart = System.nanoTime();
        RowIndex index = rows.index(query);
        double indexMs = (System.nanoTime() - indexStart) / 1e6;
        int deepPage = index.pageOf(DEEP_ROW);
        double[] first = new double[ROUNDS];
        double[] deep = new double[ROUNDS];
        double[] offsetFirst = new double[ROUNDS];
        double[] offsetDeep = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            first[round] = timed(() -> rows.page(index, 0));
            deep[round] = timed(() -> rows.page(index, deepPage));
            offsetFirst[round] = offset(dataSource, 0);
            offsetDeep[round] = offset(dataSource, DEEP_ROW);
        }
        List<GridRow> check = rows.page(index, deepPage);
        double ratio = Median.of(deep) / Median.of(first);
        double offsetRatio = Median.of(offsetDeep) / Median.of(offsetFirst);
        md.append(String.format(Locale.ROOT, "Keyset paging on %s.employee (%,d rows, %d pages of %d; reading the page "
                        + "bookmarks took %.0f ms once): first page %.2f ms, the page holding row %,d (page %,d, first id %s) "
                        + "%.2f ms (medians of %d): ratio %.2f. The same two pages with OFFSET: %.2f ms and %.2f ms, ratio %.1f.%n%n",
                SCHEMA, index.total(), index.pages(), index.pageSize(), indexMs, Median.of(first), DEEP_ROW, deepPage,
                check.isEmpty() ? "?" : check.get(0).values().get(0), Median.of(deep), ROUNDS, ratio,
                Median.of(offsetFirst), Median.of(offsetDeep), offsetRatio));
        figures.add(Figure.of("tables.deep_page_ratio", ratio, "ratio", Figure.Target.atMost("2")));
        figures.add(Figure.of("tables.offset_page_ratio", offsetRatio, "ratio", Figure.Target.informative()));
    }

    private static double offset(DataSource dataSource, int skip) throws Exception {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM " + SCHEMA + ".employee ORDER BY id OFFSET ? LIMIT 200")) {
            s.setInt(1, skip);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getString(1);
                }
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private interface Page {
        Object read() throws Exception;
    }

    private static double timed(Page page) throws Exception {
        long start = System.nanoTime();
        page.read();
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * The grid on the million rows, scrolled for 10 s with its scroll bar: the first 5 s a drag
     * from top to bottom (the bar's value set every 16 ms, as dragging its thumb does), then jumps
     * to random rows; the watchdog measures the FX thread.
     */
    private static void scroll(DataSource dataSource, StringBuilder md, List<Figure> figures) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxBackgroundRunner runner = new FxBackgroundRunner(4);
        StatementLog log = new StatementLog(1_000);
        TablesViewModel model = new TablesViewModel(runner, new TableCatalog(() -> dataSource), new TableRows(() -> dataSource),
                new EntityEditing(new OrmSessions(() -> dataSource, List.of()), log),
                new LargeHr(() -> dataSource, new HrGenerator(() -> dataSource)),
                new org.persistenceexplorer.service.tables.RowEditing(() -> dataSource, log,
                        new org.persistenceexplorer.service.changes.RowChanges()));
        Stage[] stage = new Stage[1];
        FxToolkit.setupFixture(() -> {
            org.persistenceexplorer.testsupport.AppLook.apply();
            stage[0] = new Stage();
            // at most Monocle's headless screen (1280x800): a larger scene overflows its pixel buffer
            Scene scene = new Scene(ViewLoader.load(new TablesView(model)), 1260, 780);
            scene.getStylesheets().add(TablesBenchmark.class.getResource("/css/explorer.css").toExternalForm());
            // As TablesFeature does: the grid's fixed row height is in it.
            scene.getStylesheets().add(TablesBenchmark.class.getResource("/css/tables.css").toExternalForm());
            stage[0].setScene(scene);
            stage[0].show();
            model.open(new TableRef(SCHEMA, "employee"));
        });
        @SuppressWarnings("unchecked")
        TableView<GridRow>[] grid = new TableView[1];
        // The grid's own scroll bar spans the whole result (the table holds a window of it): the
        // drag moves it as the scroll bar's skin does when its thumb is dragged.
        ScrollBar[] bar = new ScrollBar[1];
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < waitUntil) {
            CountDownLatch read = new CountDownLatch(1);
            boolean[] open = new boolean[1];
            Platform.runLater(() -> {
                grid[0] = (TableView<GridRow>) stage[0].getScene().lookup("#grid");
                bar[0] = (ScrollBar) stage[0].getScene().lookup("#gridScroll");
                open[0] = bar[0] != null && bar[0].isVisible() && bar[0].getMax() > EMPLOYEES / 2.0;
                read.countDown();
            });
            read.await();
            if (open[0]) {
                break;
            }
            Thread.sleep(100);
        }
        // The FX thread's CPU time over the 10 s: on a shared machine its wall-time stalls are noisy,
        // this is the work the scroll costs it (A/B comparisons read this first).
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] fxThread = new long[1];
        CountDownLatch fxKnown = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThread[0] = Thread.currentThread().getId();
            fxKnown.countDown();
        });
        fxKnown.await();
        // Twice: the first time in this JVM (the grid's code is still being JIT-compiled, and on 2 cores
        // the compiler threads take a core from the FX thread: informative), then the figure, as in a
        // running app once the grid has been scrolled (as the console's and the lab's stall figures are
        // taken once their view ran). The second run jumps to other rows (another seed).
        Scroll cold = scrollFor10s(bar[0], threads, fxThread[0], 11);
        Platform.runLater(() -> bar[0].setValue(0));
        Thread.sleep(1_500);
        Scroll warm = scrollFor10s(bar[0], threads, fxThread[0], 7);
        FxStallWatchdog.Result stalls = warm.stalls();
        double fxCpuMs = warm.fxCpuMs();
        int steps = warm.steps();
        String[] last = new String[1];
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            GridRow row = grid[0].getItems().get(grid[0].getItems().size() - 1);
            last[0] = row == null ? "still loading" : "id " + row.values().get(0);
            read.countDown();
        });
        read.await();
        FxToolkit.setupFixture(() -> stage[0].close());
        model.close();
        runner.close();
        md.append(String.format(Locale.ROOT, "Scrolling the grid through %,d rows for 10 s (%d scroll steps: 5 s dragged "
                        + "top to bottom, 5 s random jumps; software rendering; after the same scroll once, below): FX thread %s; its CPU time over the "
                        + "11.5 s %.0f ms (%.2f ms a scroll step). Last row after it: %s.%n",
                EMPLOYEES, steps, stalls.summary(), fxCpuMs, fxCpuMs / steps, last[0]));
        if (!stalls.longestStallTrace().isEmpty()) {
            md.append("\nLongest stall's FX stack (top):\n\n```\n")
                    .append(stalls.longestStallTrace().lines().limit(12).reduce("", (a, b) -> a + b + "\n")).append("```\n");
        }
        md.append(String.format(Locale.ROOT, "%nThe same scroll the first time in this JVM, just before (other random rows; informative): "
                + "FX thread %s; its CPU time %.0f ms.%n", cold.stalls().summary(), cold.fxCpuMs()));
        figures.addAll(StallFigures.of("tables.scroll_max_stall_ms", stalls));
        figures.add(Figure.of("tables.scroll_cold_max_stall_ms", cold.stalls().maxMs(), "ms", Figure.Target.informative()));
        figures.add(Figure.of("tables.scroll_fx_cpu_ms", fxCpuMs, "ms", Figure.Target.informative()));
    }

    /** One 10 s scroll as the user drags the grid's bar: 5 s top to bottom, then 5 s of jumps to random rows; then to the end. */
    private static Scroll scrollFor10s(ScrollBar bar, java.lang.management.ThreadMXBean threads, long fxThread, long seed)
            throws InterruptedException {
        long cpuBefore = threads.getThreadCpuTime(fxThread);
        FxStallWatchdog watchdog = new FxStallWatchdog();
        watchdog.start();
        Random random = new Random(seed);
        long start = System.nanoTime();
        int steps = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double fraction = elapsed < 5 ? Math.min(1, elapsed / 5) : random.nextDouble();
            Platform.runLater(() -> bar.setValue(fraction * bar.getMax()));
            steps++;
            Thread.sleep(16);
        }
        Platform.runLater(() -> bar.setValue(bar.getMax()));
        Thread.sleep(1_500);
        FxStallWatchdog.Result stalls = watchdog.stop();
        return new Scroll(stalls, (threads.getThreadCpuTime(fxThread) - cpuBefore) / 1e6, steps);
    }

    private record Scroll(FxStallWatchdog.Result stalls, double fxCpuMs, int steps) {
    }
}
