package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import java.util.List;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.copy.CopyDual;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;

/**
 * pgjdbc's COPY API with capture: each COPY is one record with its rows, recorded when it ends
 * (or fails, or is cancelled), with the BEGIN pgjdbc sends ahead of it inside a transaction.
 * While it runs, cancelling the work stops it on the server ({@link QueryStopper}), and a COPY
 * that cancelled work starts is refused before it is sent. The stream-based convenience methods
 * of the parent go through {@link #copyIn(String)} and {@link #copyOut(String)}, so they are
 * captured too. Thread-confined like its connection.
 */
final class CapturedCopyManager extends CopyManager {

    private final BaseConnection connection;
    private final StatementRecorder recorder;

    CapturedCopyManager(BaseConnection connection, StatementRecorder recorder) throws SQLException {
        super(connection);
        this.connection = connection;
        this.recorder = recorder;
    }

    @Override
    public CopyIn copyIn(String sql) throws SQLException {
        Running running = start(sql);
        return running.watch(() -> super.copyIn(sql));
    }

    @Override
    public CopyOut copyOut(String sql) throws SQLException {
        Running running = start(sql);
        return running.watch(() -> super.copyOut(sql));
    }

    @Override
    public CopyDual copyDual(String sql) throws SQLException {
        Running running = start(sql);
        return running.watch(() -> super.copyDual(sql));
    }

    private Running start(String sql) throws SQLException {
        QueryStopper.Armed armed = QueryStopper.arm(connection);
        recorder.sending();
        return new Running(sql, SqlCaptureListener.TransactionStart.before(connection), armed.registration(), armed.stopper());
    }

    /** One COPY between its start and its end; records itself exactly once. */
    private final class Running {
        private final String sql;
        private final SqlCaptureListener.TransactionStart begin;
        private final CancelHooks.Registration registration;
        private final QueryStopper stopper;
        private final long started = System.nanoTime();
        private boolean recorded;

        Running(String sql, SqlCaptureListener.TransactionStart begin, CancelHooks.Registration registration,
                QueryStopper stopper) {
            this.sql = sql;
            this.begin = begin;
            this.registration = registration;
            this.stopper = stopper;
        }

        <T extends CopyOperation> CapturedCopy watch(Opening<T> opening) throws SQLException {
            try {
                return new CapturedCopy(opening.open(), this::finish);
            } catch (SQLException | RuntimeException e) {
                finish(-1, e);
                throw e;
            }
        }

        private void finish(long rows, Throwable error) {
            if (recorded) {
                return;
            }
            recorded = true;
            registration.close();
            stopper.finish();
            try {
                Outcome outcome = Outcome.of(error);
                if (begin != null && begin.wasSent(connection, outcome.ranOnServer())) {
                    recorder.record(Engine.POSTGRESQL, StatementKind.TX, begin.text(), List.of(), 0, -1, 1, null);
                }
                recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sql), sql, List.of(), System.nanoTime() - started,
                        rows, 1, outcome.error());
            } finally {
                recorder.sent();
            }
        }
    }

    @FunctionalInterface
    private interface Opening<T extends CopyOperation> {
        T open() throws SQLException;
    }
}
