package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.HostSpec;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * pgjdbc's simple DataSource, opening {@link CapturedPgConnection}s: physical connections whose
 * COPY API reports to the recorder. Everything else about the connection is pgjdbc's own; the
 * statements still pass datasource-proxy above it. Thread-safe like its parent.
 */
final class CapturingPgDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;
    private final transient StatementRecorder recorder;

    CapturingPgDataSource(StatementRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        String url = getUrl();
        // The user goes in before parsing: pgjdbc looks the password up in ~/.pgpass while it parses,
        // by host, port, database and user, and finds nothing without the user.
        Properties defaults = new Properties();
        if (user != null) {
            defaults.setProperty(PGProperty.USER.getName(), user);
        }
        if (password != null) {
            defaults.setProperty(PGProperty.PASSWORD.getName(), password);
        }
        Properties properties = Driver.parseURL(url, defaults);
        if (properties == null) {
            throw new PSQLException("Not a PostgreSQL URL: " + getServerNames()[0], PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        }
        if (user != null) {
            properties.setProperty(PGProperty.USER.getName(), user);
        }
        if (password != null) {
            properties.setProperty(PGProperty.PASSWORD.getName(), password);
        }
        return new CapturedPgConnection(hostSpecs(properties), properties, url, recorder);
    }

    /** As pgjdbc's Driver reads them (its own method is private). */
    private static HostSpec[] hostSpecs(Properties properties) {
        String[] hosts = PGProperty.PG_HOST.getOrDefault(properties).split(",");
        String[] ports = PGProperty.PG_PORT.getOrDefault(properties).split(",");
        String local = PGProperty.LOCAL_SOCKET_ADDRESS.getOrDefault(properties);
        HostSpec[] specs = new HostSpec[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            specs[i] = new HostSpec(hosts[i], Integer.parseInt(ports[i]), local);
        }
        return specs;
    }
}
