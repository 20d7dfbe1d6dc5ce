package org.persistenceexplorer.store.sql;

import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.capture.CancelHooks;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Stops what one physical connection runs on the server, whenever the cancel lands. A cancel
 * request that reaches PostgreSQL while the backend is still reading the statement (or before
 * pgjdbc has sent it) is dropped by the server, and pgjdbc's {@code Statement.cancel()} does
 * nothing before the driver marks the statement running: one cancel at the wrong moment would be
 * lost and the statement would run to its end. So once cancelled, the stopper sends a cancel
 * request for the connection again every {@link #RETRY_MILLIS} ms until the capture layer
 * says the statement (or COPY, or large object call) is over.
 *
 * <p>Thread-safe: {@link #run()} is the cancel hook (any thread), retries run on one shared
 * daemon thread, {@link #finish()} is called by the thread that ran the statement. After
 * {@code finish()} returns no cancel request of this stopper is on its way, so it cannot hit the
 * connection's next statement.
 */
final class QueryStopper implements Runnable {

    static final long RETRY_MILLIS = 25;
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pe-sql-cancel");
        thread.setDaemon(true);
        return thread;
    });

    /** Cancel requests sent by all stoppers: lets a test wait until one went out. */
    static final AtomicLong REQUESTS_SENT = new AtomicLong();

    private final PGConnection connection;
    private boolean done;
    private ScheduledFuture<?> retrying;

    QueryStopper(PGConnection connection) {
        this.connection = connection;
    }

    /** The cancel hook: starts sending cancel requests until {@link #finish()}. */
    @Override
    public synchronized void run() {
        if (!done && retrying == null) {
            retrying = RETRIES.scheduleWithFixedDelay(this::cancelOnce, 0, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The statement is over: no more cancel requests. */
    synchronized void finish() {
        done = true;
        if (retrying != null) {
            retrying.cancel(false);
        }
    }

    private synchronized void cancelOnce() {
        if (done) {
            return;
        }
        try {
            connection.cancelQuery();
            REQUESTS_SENT.incrementAndGet();
        } catch (SQLException e) {
            // the connection is gone: nothing left to stop
        }
    }

    /**
     * Registers a stopper for the connection with the current work, or, when that work is already
     * cancelled, refuses at once (SQLState 57014) with nothing sent: a cancel request reaching the
     * server before the statement would be lost, and the statement would run to its end.
     *
     * @param connection the physical connection, or null when there is none to stop
     */
    static Armed arm(PGConnection connection) throws SQLException {
        QueryStopper stopper = connection == null ? null : new QueryStopper(connection);
        CancelHooks.Registration registration = stopper == null ? () -> { } : WorkContext.onCancel(stopper);
        Armed armed = new Armed(stopper, registration);
        if (WorkContext.cancelled()) {
            armed.disarm();
            throw new SQLException("Cancelled before the statement was sent.", SqlCaptureListener.QUERY_CANCELED);
        }
        return armed;
    }

    /** A stopper registered with the current work; disarm it once the statement is over. */
    record Armed(QueryStopper stopper, CancelHooks.Registration registration) {
        void disarm() {
            registration.close();
            if (stopper != null) {
                stopper.finish();
            }
        }
    }
}
