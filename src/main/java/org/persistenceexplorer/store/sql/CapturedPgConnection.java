package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import java.util.Properties;
import java.util.List;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.fastpath.Fastpath;
import org.postgresql.largeobject.LargeObjectManager;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.HostSpec;

/**
 * A pgjdbc connection whose own APIs are captured: {@code unwrap(PGConnection.class)} on a pooled
 * connection reaches this object, and its COPY, large object and function-call APIs talk to the
 * server directly, where datasource-proxy cannot see them. Thread-confined like any JDBC connection.
 */
final class CapturedPgConnection extends PgConnection {

    private final StatementRecorder recorder;
    private CopyManager copy;
    private Fastpath fastpath;
    private boolean largeObjectsReady;

    CapturedPgConnection(HostSpec[] hostSpecs, Properties info, String url, StatementRecorder recorder) throws SQLException {
        super(hostSpecs, info, url);
        this.recorder = recorder;
    }

    @Override
    public CopyManager getCopyAPI() throws SQLException {
        checkClosed();
        if (copy == null) {
            copy = new CapturedCopyManager(this, recorder);
        }
        return copy;
    }

    @Override
    public Fastpath getFastpathAPI() throws SQLException {
        checkClosed();
        if (fastpath == null) {
            fastpath = new CapturedFastpath(this, recorder);
        }
        return fastpath;
    }

    /**
     * The first call looks up the large object functions with a query of pgjdbc's own (and the
     * BEGIN ahead of it inside a transaction), sent past datasource-proxy: recorded here.
     */
    @Override
    public LargeObjectManager getLargeObjectAPI() throws SQLException {
        if (largeObjectsReady) {
            return super.getLargeObjectAPI();
        }
        SqlCaptureListener.TransactionStart begin = SqlCaptureListener.TransactionStart.before(this);
        long started = System.nanoTime();
        recorder.sending();
        Throwable failure = null;
        try {
            LargeObjectManager manager = super.getLargeObjectAPI();
            largeObjectsReady = true;
            return manager;
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            Outcome outcome = Outcome.of(failure);
            if (begin != null && begin.wasSent(this, outcome.ranOnServer())) {
                recorder.record(Engine.POSTGRESQL, StatementKind.TX, begin.text(), List.of(), 0, -1, 1, null);
            }
            if (outcome.reachedServer()) {
                recorder.record(Engine.POSTGRESQL, StatementKind.SELECT, LARGE_OBJECT_LOOKUP, List.of(),
                        System.nanoTime() - started, -1, 1, outcome.error());
            }
            recorder.sent();
        }
    }

    /** The lookup pgjdbc 42.7's LargeObjectManager sends (schemas supported, as on every PostgreSQL since 7.3). */
    static final String LARGE_OBJECT_LOOKUP = "SELECT p.proname,p.oid "
            + " FROM pg_catalog.pg_proc p, pg_catalog.pg_namespace n "
            + " WHERE p.pronamespace=n.oid AND n.nspname='pg_catalog' AND ("
            + " proname = 'lo_open' or proname = 'lo_close' or proname = 'lo_creat' or proname = 'lo_unlink'"
            + " or proname = 'lo_lseek' or proname = 'lo_lseek64' or proname = 'lo_tell' or proname = 'lo_tell64'"
            + " or proname = 'loread' or proname = 'lowrite' or proname = 'lo_truncate' or proname = 'lo_truncate64')";
}
