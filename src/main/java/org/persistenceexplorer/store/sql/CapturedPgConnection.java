package org.persistenceexplorer.store.sql;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
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
 * server directly, where datasource-proxy cannot see them, and so do the type and column
 * lookups of its {@code TypeInfoCache} and {@code ResultSetMetaData} ({@link DriverLookups}). Thread-confined like any JDBC connection.
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

    /*
     * Updatable result sets are refused: pgjdbc runs their UPDATE / INSERT / DELETE (and the
     * primary-key lookup behind them) on statements of its own, past the capture, so rows would
     * change with nothing in the log. Every other overload of the driver ends in these two.
     */

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        refuseUpdatable(resultSetConcurrency);
        Statement statement = super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
        // The metadata's own column lookup bypasses datasource-proxy: recorded on the statement itself.
        return DriverLookups.inMetadataCall() ? DriverLookups.recorded(statement, recorder) : statement;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        refuseUpdatable(resultSetConcurrency);
        PreparedStatement statement = super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
        // The driver's own type lookups bypass datasource-proxy: recorded on the statement itself.
        return DriverLookups.isTypeLookup(sql) ? DriverLookups.recorded(statement, sql, recorder) : statement;
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        refuseUpdatable(resultSetConcurrency);
        return super.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    private static void refuseUpdatable(int resultSetConcurrency) throws SQLFeatureNotSupportedException {
        if (resultSetConcurrency == ResultSet.CONCUR_UPDATABLE) {
            // No SQLState: Hikari takes 0A000 ("feature not supported") for a broken connection and evicts it.
            throw new SQLFeatureNotSupportedException(UPDATABLE_REFUSED);
        }
    }

    static final String UPDATABLE_REFUSED = "Updatable result sets are not supported here: the driver would change "
            + "rows with statements the statement log cannot see. Use UPDATE, INSERT or DELETE statements instead.";

    /** The lookup pgjdbc 42.7's LargeObjectManager sends (schemas supported, as on every PostgreSQL since 7.3). */
    static final String LARGE_OBJECT_LOOKUP = "SELECT p.proname,p.oid "
            + " FROM pg_catalog.pg_proc p, pg_catalog.pg_namespace n "
            + " WHERE p.pronamespace=n.oid AND n.nspname='pg_catalog' AND ("
            + " proname = 'lo_open' or proname = 'lo_close' or proname = 'lo_creat' or proname = 'lo_unlink'"
            + " or proname = 'lo_lseek' or proname = 'lo_lseek64' or proname = 'lo_tell' or proname = 'lo_tell64'"
            + " or proname = 'loread' or proname = 'lowrite' or proname = 'lo_truncate' or proname = 'lo_truncate64')";
}
