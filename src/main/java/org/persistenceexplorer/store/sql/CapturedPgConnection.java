package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import java.util.Properties;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.HostSpec;

/**
 * A pgjdbc connection whose {@code CopyManager} is captured: {@code unwrap(PGConnection.class)}
 * on a pooled connection reaches this object, and the COPY it runs talks to the server directly,
 * where datasource-proxy cannot see it. Thread-confined like any JDBC connection.
 */
final class CapturedPgConnection extends PgConnection {

    private final StatementRecorder recorder;
    private CopyManager copy;

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
}
