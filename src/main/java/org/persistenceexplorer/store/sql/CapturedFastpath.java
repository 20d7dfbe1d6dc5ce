package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import java.util.List;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.core.BaseConnection;
import org.postgresql.fastpath.Fastpath;
import org.postgresql.fastpath.FastpathArg;

/**
 * pgjdbc's function-call protocol (what large objects use: lo_open, loread, lowrite...) with
 * what the capture needs. A function call is no statement (PostgreSQL's pg_stat_statements does
 * not count it, so the log does not either), but the {@code BEGIN} pgjdbc sends ahead of the first
 * one in a transaction is, and is recorded; a running call (a large object transfer) stops when
 * the work is cancelled, and a call that cancelled work starts is refused. Thread-confined.
 */
final class CapturedFastpath extends Fastpath {

    private final BaseConnection connection;
    private final StatementRecorder recorder;

    CapturedFastpath(BaseConnection connection, StatementRecorder recorder) {
        super(connection);
        this.connection = connection;
        this.recorder = recorder;
    }

    @Override
    public byte[] fastpath(int fnId, FastpathArg[] args) throws SQLException {
        QueryStopper.Armed armed = QueryStopper.arm(connection);
        try {
            SqlCaptureListener.TransactionStart begin = SqlCaptureListener.TransactionStart.before(connection);
            try {
                return super.fastpath(fnId, args);
            } finally {
                if (begin != null && begin.wasSent(connection, false)) {
                    recorder.record(Engine.POSTGRESQL, StatementKind.TX, begin.text(), List.of(), 0, -1, 1, null);
                }
            }
        } finally {
            armed.disarm();
        }
    }
}
