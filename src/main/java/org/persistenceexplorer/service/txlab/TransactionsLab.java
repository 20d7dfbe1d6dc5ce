package org.persistenceexplorer.service.txlab;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * The transactions lab: sessions A, B and C on a small pool of the lab's own (so holding
 * connections, or exhausting them on purpose, never starves the app's pool), Hermitage's anomaly
 * scripts and the whole matrix, the shop's checkout / savepoint / optimistic-locking lessons,
 * and the pool lesson. {@link #open()} brings the shop track up to date and opens the pool;
 * {@link #close()} rolls back and gives back everything (the tab closes, the app quits).
 *
 * <p>Blocking; call off the FX thread (the lab's lane). Thread-safe.
 */
public final class TransactionsLab implements AutoCloseable {

    /** How many connections the lab's pool has: A, B, C and one spare. */
    public static final int POOL_SIZE = 4;
    /** How long a request for a connection waits when all are in use. */
    public static final Duration POOL_TIMEOUT = Duration.ofSeconds(3);
    static final String SCHEMA = "txlab";

    /** Opens the lab's own pool (the engine's side pool in the app). */
    @FunctionalInterface
    public interface PoolOpener {
        SidePool open(String name, int size, Duration timeout) throws SQLException;
    }

    private final Supplier<DataSource> appPool;
    private final PoolOpener opener;
    private final ShopData shop;
    private final ShopLessons lessons;
    private final String schema;
    private volatile SidePool pool;
    private volatile LabSessions sessions;
    private volatile TestTable table;

    public TransactionsLab(Supplier<DataSource> appPool, PoolOpener opener, OrmSessions orm, StatementRecorder recorder) {
        this(appPool, opener, orm, recorder, SCHEMA);
    }

    /** A lab whose test table lives in {@code schema} (tests use their own). */
    public TransactionsLab(Supplier<DataSource> appPool, PoolOpener opener, OrmSessions orm, StatementRecorder recorder, String schema) {
        this.appPool = appPool;
        this.opener = opener;
        this.schema = schema;
        this.shop = new ShopData(appPool);
        this.lessons = new ShopLessons(orm, appPool, shop, recorder);
    }

    /** Migrates the shop track and opens the lab's pool and sessions; idempotent. Returns a line to show. */
    public synchronized String open() throws SQLException {
        String version = shop.migrate();
        if (pool == null) {
            pool = opener.open("pe-txlab", POOL_SIZE, POOL_TIMEOUT);
            sessions = new LabSessions(pool.dataSource(), appPool, schema);
            table = new TestTable(appPool, schema);
            table.reset();
        }
        return "Shop at version " + version + "; sessions A, B, C on the lab's pool of " + POOL_SIZE + " connections.";
    }

    public LabSessions sessions() {
        return require(sessions);
    }

    /** Starts an anomaly script at a level: the sessions are reset and set to the level. */
    public ScriptRun start(AnomalyTest test, Isolation level) throws InterruptedException {
        return new ScriptRun(sessions(), require(table), test, level);
    }

    /** Runs every test at every level, cell by cell; {@code each} gets every cell as it is done. */
    public List<CellResult> runMatrix(Progress progress, Consumer<CellResult> each) throws InterruptedException {
        List<CellResult> cells = new ArrayList<>();
        int total = AnomalyTests.ALL.size() * Isolation.values().length;
        for (AnomalyTest test : AnomalyTests.ALL) {
            for (Isolation level : Isolation.values()) {
                progress.update((double) cells.size() / total, test.id() + " at " + level.label());
                CellResult cell = start(test, level).runToEnd();
                cells.add(cell);
                each.accept(cell);
            }
        }
        progress.update(1, "matrix done");
        return cells;
    }

    /** Puts the test table back to (1, 10), (2, 20) after ending every session's transaction. */
    public void resetTestTable() throws InterruptedException {
        sessions().releaseAll();
        require(table).reset();
    }

    /** The lab's pool now (no statement sent); {@link PoolStatus#NONE} before {@link #open()}. */
    public PoolStatus pool() {
        SidePool p = pool;
        return p == null ? PoolStatus.NONE : p.status();
    }

    /**
     * The pool lesson: takes every free connection of the lab's pool, then asks for one more,
     * which waits the pool's timeout and is refused; then gives them all back. Returns what
     * happened in words (the refusal's message and how long it waited).
     *
     * @param whileHolding runs once all connections are taken, before the extra request (the UI shows the full pool)
     */
    public String exhaustPool(Runnable whileHolding) {
        SidePool p = require(pool);
        List<Connection> held = new ArrayList<>();
        try {
            int free = p.status().max() - p.status().active();
            for (int i = 0; i < free; i++) {
                held.add(p.dataSource().getConnection());
            }
            whileHolding.run();
            long start = System.nanoTime();
            try (Connection extra = p.dataSource().getConnection()) {
                return "Unexpected: a connection was still free (" + extra + ").";
            } catch (SQLException e) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                return "The lab's pool has " + p.status().max() + " connections and all were in use (" + held.size()
                        + " held by this lesson, " + (p.status().max() - held.size()) + " by the sessions). The request for one more waited "
                        + waited + " ms, the pool's connection timeout of " + POOL_TIMEOUT.toMillis() + " ms, and was refused: "
                        + LabErrors.firstLine(e.getMessage()) + " No hang: the caller got an error it can show.";
            }
        } catch (SQLException e) {
            return "Could not take the pool's connections: " + LabErrors.firstLine(e.getMessage());
        } finally {
            for (Connection c : held) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the pool evicts a broken one
                }
            }
        }
    }

    public ShopData shop() {
        return shop;
    }

    public ShopLessons lessons() {
        return lessons;
    }

    private static <T> T require(T t) {
        if (t == null) {
            throw new IllegalStateException("The transactions lab is not open yet.");
        }
        return t;
    }

    /** Ends every session (rolled back), closes the lab's pool. Blocking; idempotent. */
    @Override
    public synchronized void close() {
        LabSessions s = sessions;
        sessions = null;
        if (s != null) {
            s.close();
        }
        SidePool p = pool;
        pool = null;
        if (p != null) {
            p.close();
        }
    }
}
