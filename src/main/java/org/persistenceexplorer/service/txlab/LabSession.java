package org.persistenceexplorer.service.txlab;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.persistenceexplorer.service.work.Cancellation;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One of the lab's sessions (A, B or C): a connection of the lab's own pool held across clicks
 * on a thread of its own, in autocommit mode like psql (a transaction is what BEGIN opens), at
 * the isolation level it was given. A statement is handed to the thread and the caller gets a
 * future at once, so a statement waiting for a lock never holds up anyone else: the server
 * decides who waits, {@link LabSessions} finds out why. Statements run under the action label
 * "txlab: session X" (or the one given) and can be cancelled on the server.
 *
 * <p>Thread-safe: {@link #submit} from any thread; the connection is used only on the session's thread.
 */
public final class LabSession implements AutoCloseable {

    /** Rows kept of one result. */
    static final int MAX_ROWS = 200;

    private final String name;
    private final DataSource pool;
    private final String schema;
    private final ExecutorService thread;
    private volatile Connection connection;
    private volatile int pid;
    private volatile Isolation isolation = Isolation.READ_COMMITTED;
    private volatile StepResult.TransactionState state = StepResult.TransactionState.IDLE;
    private volatile Cancellation running;
    private volatile boolean closed;

    LabSession(String name, DataSource pool, String schema) {
        this.name = name;
        this.pool = pool;
        this.schema = schema;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "txlab-session-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    /** The server process of this session's connection (0 before its first statement). */
    public int pid() {
        return pid;
    }

    public Isolation isolation() {
        return isolation;
    }

    /** Where its transaction is, as of its last statement. */
    public StepResult.TransactionState state() {
        return state;
    }

    /** True while it holds a connection of the lab's pool. */
    public boolean connected() {
        return connection != null;
    }

    /** Sets the level its next transactions run at (SET SESSION CHARACTERISTICS); refused inside a transaction. */
    CompletableFuture<Void> setIsolation(Isolation level) {
        return CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = new Cancellation().enter("txlab: session " + name + " isolation")) {
                if (state != StepResult.TransactionState.IDLE) {
                    throw new IllegalStateException("Session " + name + " is inside a transaction: COMMIT or ROLLBACK before changing its isolation level.");
                }
                Connection c = connection();
                c.setTransactionIsolation(level.jdbc());
                isolation = level;
            } catch (SQLException e) {
                throw new IllegalStateException(LabErrors.explain(e), e);
            }
        }, thread);
    }

    /** Runs the statement on the session's thread; the future completes when the server answered. */
    CompletableFuture<StepResult> submit(String sql, String action) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("Session " + name + " is closed."));
        }
        return CompletableFuture.supplyAsync(() -> execute(sql, action), thread);
    }

    private StepResult execute(String sql, String action) {
        Cancellation cancellation = new Cancellation();
        running = cancellation;
        long start = System.nanoTime();
        try (Cancellation.Scope ignored = cancellation.enter(action)) {
            Connection c = connection();
            try (Statement statement = c.createStatement()) {
                statement.setMaxRows(MAX_ROWS);
                boolean hasRows = statement.execute(sql);
                List<String> columns = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                long count = -1;
                if (hasRows) {
                    try (ResultSet result = statement.getResultSet()) {
                        ResultSetMetaData meta = result.getMetaData();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            columns.add(meta.getColumnLabel(i));
                        }
                        while (result.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= columns.size(); i++) {
                                row.add(String.valueOf(result.getString(i)));
                            }
                            rows.add(row);
                        }
                    }
                } else {
                    count = statement.getUpdateCount();
                }
                String warning = firstWarning(statement.getWarnings());
                state = transactionState(c);
                return new StepResult(name, sql, StepResult.Outcome.DONE, columns, rows, count, "", warning, List.of(),
                        false, state, millis(start));
            }
        } catch (SQLException e) {
            state = connection == null ? StepResult.TransactionState.IDLE : transactionState(connection);
            if (isConnectionGone(e)) {
                dropConnection();
            }
            return new StepResult(name, sql, StepResult.Outcome.FAILED, List.of(), List.of(), -1,
                    e.getSQLState() == null ? "" : e.getSQLState(), LabErrors.explain(e), List.of(), false, state, millis(start));
        } finally {
            running = null;
        }
    }

    /** Stops the statement running now (a cancel request to the server), if any. Any thread. */
    public void cancelRunning() {
        Cancellation c = running;
        if (c != null) {
            c.cancel();
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connection;
        if (c == null) {
            c = pool.getConnection();
            c.setAutoCommit(true);
            c.setSchema(schema);
            c.setTransactionIsolation(isolation.jdbc());
            pid = c.unwrap(PGConnection.class).getBackendPID();
            connection = c;
        }
        return c;
    }

    private static StepResult.TransactionState transactionState(Connection c) {
        try {
            TransactionState s = c.unwrap(BaseConnection.class).getTransactionState();
            return switch (s) {
                case IDLE -> StepResult.TransactionState.IDLE;
                case OPEN -> StepResult.TransactionState.OPEN;
                case FAILED -> StepResult.TransactionState.ABORTED;
            };
        } catch (SQLException e) {
            return StepResult.TransactionState.IDLE;
        }
    }

    private static boolean isConnectionGone(SQLException e) {
        String s = e.getSQLState();
        return s != null && (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03")
                || s.equals("25P03"));
    }

    private void dropConnection() {
        Connection c = connection;
        connection = null;
        pid = 0;
        state = StepResult.TransactionState.IDLE;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a dead connection: the pool evicts it
            }
        }
    }

    private static String firstWarning(SQLWarning warning) {
        return warning == null || warning.getMessage() == null ? "" : warning.getMessage().lines().findFirst().orElse("");
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Ends the session: a statement still waiting is cancelled, an open transaction rolled back,
     * the connection given back to the lab's pool, the thread ended. Blocking (at most a few
     * seconds); idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelRunning();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = new Cancellation().enter("txlab: close session " + name)) {
                Connection c = connection;
                if (c != null && state != StepResult.TransactionState.IDLE) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored2) {
                        // closing the connection ends the transaction on the server anyway
                    }
                }
                dropConnection();
            }
        }, thread);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            dropConnection();
        }
        thread.shutdownNow();
    }

    /** Gives the connection back (rolling back what is open) and starts afresh on the next statement. */
    CompletableFuture<Void> reconnect() {
        return CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = new Cancellation().enter("txlab: session " + name + " release")) {
                Connection c = connection;
                if (c != null && state != StepResult.TransactionState.IDLE) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored2) {
                        // the connection is dropped below either way
                    }
                }
                dropConnection();
            }
        }, thread);
    }
}
