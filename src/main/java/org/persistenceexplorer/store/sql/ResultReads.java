package org.persistenceexplorer.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * Counts the rows of each result set as the application reads them and completes the
 * statement's record when the reading ends: read to the end, closed (a partial read counts the
 * rows read), its statement closed or run again, or failed part-way. A cursor fetch that fails
 * (fetch size 100, a division by zero on row 5,000) turns the record into an error with its
 * SQLState: the server does not count a failed statement either. The record is made when the
 * statement answers, as before, so the log shows it at once; its rows follow
 * ({@link StatementRecorder#complete}).
 * Thread-safe registry; each {@link Read} is confined to the thread that reads its result set,
 * like the JDBC objects it follows.
 */
final class ResultReads implements ResultSetProxyLogicFactory {

    private final StatementRecorder recorder;
    // Weak and keyed by identity (pgjdbc's result sets and statements keep Object's equals):
    // a result the application drops without closing costs nothing here.
    private final Map<ResultSet, Read> byResult = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Statement, Read> byStatement = Collections.synchronizedMap(new WeakHashMap<>());

    ResultReads(StatementRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Set as datasource-proxy's result-set factory, this turns the wrapping of result sets on;
     * the wrapper itself is {@link CapturedProxies}'s plain {@link CountedResultSet}, not a JDK
     * proxy around logic made here.
     */
    @Override
    public ResultSetProxyLogic create(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
        throw new UnsupportedOperationException("result sets are wrapped by CapturedProxies");
    }

    /** The result set as the application gets it: its rows counted for the statement's record. */
    ResultSet counted(ResultSet resultSet, ProxyConfig proxyConfig) {
        return new CountedResultSet(resultSet, proxyConfig, readOf(resultSet));
    }

    private Read readOf(ResultSet resultSet) {
        return byResult.computeIfAbsent(resultSet, r -> new Read());
    }

    /** The statement that returned {@code resultSet} is recorded as {@code recorded}; reading it completes the record. */
    void follow(Statement statement, ResultSet resultSet, CapturedStatement recorded) {
        Read read = readOf(resultSet);
        read.recorded = recorded;
        Read previous = byStatement.put(statement, read);
        if (previous != null && previous != read) {
            previous.finish(null);
        }
    }

    /** The statement is closed or runs again: pgjdbc closes its open result, so its reading is over. */
    void statementDone(Statement statement) {
        if (byStatement.isEmpty()) {
            return;
        }
        Read read = byStatement.remove(statement);
        if (read != null) {
            read.finish(null);
        }
    }

    /** Results being read right now (followed and not complete); for tests. */
    int open() {
        synchronized (byStatement) {
            return (int) byStatement.values().stream().filter(r -> !r.done).count();
        }
    }

    /** One result set's reading: rows read, time spent fetching, and the record to complete. */
    final class Read {
        private CapturedStatement recorded; // null until the statement's record is made
        private long rows;
        private long fetchNanos;
        private boolean done;

        long rows() {
            return rows;
        }

        void fetched(long nanos, boolean row) {
            fetchNanos += nanos;
            if (row) {
                rows++;
            }
        }

        synchronized void finish(String error) {
            if (done || recorded == null) {
                return;
            }
            done = true;
            recorder.complete(recorded, rows, fetchNanos, error);
        }

        void failed(Throwable thrown) {
            finish(errorText(thrown));
        }
    }

    /** The error as the log shows it: the driver's message and the SQLState the server sent. */
    static String errorText(Throwable thrown) {
        String message = SqlCaptureListener.describe(thrown);
        String state = thrown instanceof SQLException sql ? sql.getSQLState() : null;
        return state == null || message.contains(state) ? message : message + " (SQLState " + state + ")";
    }
}
