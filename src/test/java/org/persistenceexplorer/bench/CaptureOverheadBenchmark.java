package org.persistenceexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * What statement capture costs an application: the same 10,000 small statements run through
 * the product's captured pool (HikariCP over datasource-proxy, a {@link StatementRecorder}
 * feeding a {@link StatementLog}, exactly as the app wires it) and through a pool with the same
 * settings but no capture ({@link SqlDatabase#openUncaptured}), both on one embedded PostgreSQL.
 *
 * <p>The statements are the cheapest kind an app sends, so the fixed per-statement cost of
 * capture is as visible as it can get: half are a parameterised single-row SELECT by primary key,
 * half a single-row UPDATE, each on a connection borrowed from the pool in auto-commit and
 * returned at once, inside a {@link WorkContext} action as the app's background runner sets one.
 * Warm-up rounds come first (JIT, pool, server caches); then captured and raw rounds alternate,
 * the order flipping every round, so machine noise hits both. The result is the median of the
 * per-round ratios captured time / raw time (target: at most {@value #TARGET_RATIO}). Beside
 * the wall-clock time it reports the CPU time of the one client thread per statement, which shows
 * what capture itself costs even when other load on the machine blurs the wall-clock ratio.
 * Each captured round must also have recorded exactly the statements it ran, kind by kind; if
 * not, the report says FAIL.
 *
 * <p>Runs as a section of {@link BenchmarkSuite} ({@code mvn -Pbenchmark -DskipTests verify}).
 * Single-threaded; blocking.
 */
public final class CaptureOverheadBenchmark {

    static final int STATEMENTS_PER_ROUND = 10_000;
    static final int WARM_UP_ROUNDS = 5;
    static final int MEASURED_ROUNDS = 15;
    static final double TARGET_RATIO = 1.10;
    private static final int ROWS = 1_000;
    private static final String ACTION = "benchmark: capture overhead";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SqlDatabase captured;
    private final SqlDatabase raw;
    private final StatementLog log;

    private CaptureOverheadBenchmark(SqlDatabase captured, SqlDatabase raw, StatementLog log) {
        this.captured = captured;
        this.raw = raw;
        this.log = log;
    }

    /** Runs the warm-up and measured rounds on a throw-away embedded PostgreSQL. Blocking, about a minute. */
    static CaptureOverheadReport run() throws Exception {
        Path folder = Files.createTempDirectory("pe-bench-");
        StatementRecorder recorder = new StatementRecorder();
        StatementLog log = new StatementLog();
        recorder.addListener(log);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), RootPolicy.detect());
             SqlDatabase captured = SqlDatabase.open(server.endpoint(), recorder);
             SqlDatabase raw = SqlDatabase.openUncaptured(server.endpoint())) {
            CaptureOverheadBenchmark benchmark = new CaptureOverheadBenchmark(captured, raw, log);
            benchmark.createTable();
            CaptureOverheadReport report = new CaptureOverheadReport(benchmark.serverVersion());
            for (int i = 1; i <= WARM_UP_ROUNDS; i++) {
                benchmark.round(i % 2 == 1);
                progress("warm-up " + i + "/" + WARM_UP_ROUNDS + " done");
            }
            for (int i = 1; i <= MEASURED_ROUNDS; i++) {
                CaptureOverheadReport.Round round = benchmark.round(i % 2 == 1);
                report.add(round);
                progress("round " + i + "/" + MEASURED_ROUNDS + ": ratio " + String.format("%.3f", round.ratio()));
            }
            return report;
        } finally {
            TestEngines.deleteFolder(folder);
        }
    }

    /** One captured and one raw pass over the same statements; {@code capturedFirst} sets the order. */
    private CaptureOverheadReport.Round round(boolean capturedFirst) throws SQLException {
        Pass capturedPass;
        Pass rawPass;
        StatementLog.Counters before = log.counters();
        if (capturedFirst) {
            capturedPass = pass(captured);
            rawPass = pass(raw);
        } else {
            rawPass = pass(raw);
            capturedPass = pass(captured);
        }
        StatementLog.Counters after = log.counters();
        return new CaptureOverheadReport.Round(capturedFirst, capturedPass.wallNanos(), rawPass.wallNanos(),
                capturedPass.cpuNanos(), rawPass.cpuNanos(),
                after.total() - before.total(),
                after.of(StatementKind.SELECT) - before.of(StatementKind.SELECT),
                after.of(StatementKind.UPDATE) - before.of(StatementKind.UPDATE));
    }

    /**
     * Runs the workload once through the pool: the wall-clock time it took, and the CPU time of
     * this (the only client) thread, which shows what capture costs the app apart from the
     * round trips and is far less disturbed by other load on the machine.
     */
    private static Pass pass(SqlDatabase pool) throws SQLException {
        try (WorkContext.Scope scope = WorkContext.enter(ACTION, new CancelHooks())) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < STATEMENTS_PER_ROUND; i++) {
                int id = i / 2 % ROWS + 1;
                if (i % 2 == 0) {
                    selectOne(pool, id);
                } else {
                    updateOne(pool, id);
                }
            }
            long wall = System.nanoTime() - start;
            return new Pass(wall, THREADS.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    private record Pass(long wallNanos, long cpuNanos) {
    }

    private static void selectOne(SqlDatabase pool, int id) throws SQLException {
        try (Connection c = pool.connection();
             PreparedStatement select = c.prepareStatement("SELECT label, hits FROM bench_item WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("row " + id + " missing");
                }
            }
        }
    }

    private static void updateOne(SqlDatabase pool, int id) throws SQLException {
        try (Connection c = pool.connection();
             PreparedStatement update = c.prepareStatement("UPDATE bench_item SET hits = hits + 1 WHERE id = ?")) {
            update.setInt(1, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("row " + id + " not updated");
            }
        }
    }

    private void createTable() throws SQLException {
        try (Connection c = raw.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_item (id int PRIMARY KEY, label text NOT NULL, hits int NOT NULL)");
            s.execute("INSERT INTO bench_item SELECT g, 'item ' || g, 0 FROM generate_series(1, " + ROWS + ") g");
            s.execute("VACUUM ANALYZE bench_item");
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection c = raw.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void progress(String line) {
        System.err.println("[capture-overhead] " + line);
    }

}
