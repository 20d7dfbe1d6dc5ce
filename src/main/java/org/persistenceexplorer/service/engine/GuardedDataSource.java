package org.persistenceexplorer.service.engine;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The captured pool as services, Flyway and Hibernate see it: while PostgreSQL is lost, asking
 * for a connection fails at once with the reason, instead of waiting out the pool's connection
 * timeout and then naming only the pool. The same pool is used before and after a reconnect,
 * so whoever holds this DataSource keeps working. Thread-safe.
 */
final class GuardedDataSource implements DataSource {

    /** SQLState class 08: connection exception; 08001: the client could not establish the connection. */
    private static final String CANNOT_CONNECT = "08001";

    private final Supplier<DataSource> pools;
    private final Supplier<EngineStatus> status;

    GuardedDataSource(DataSource pool, Supplier<EngineStatus> status) {
        this(() -> pool, status);
    }

    /** @param pools the pool now: a profile switch replaces it behind this one DataSource */
    GuardedDataSource(Supplier<DataSource> pools, Supplier<EngineStatus> status) {
        this.pools = pools;
        this.status = status;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileLost(null);
        try {
            return pool().getConnection();
        } catch (SQLException e) {
            // Lost while this call waited in the pool: say so rather than "request timed out".
            refuseWhileLost(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileLost(null);
        return pool().getConnection(username, password);
    }

    /** The pool now; between the two halves of a profile switch there is none, and the caller hears why. */
    private DataSource pool() throws SQLException {
        DataSource now = pools.get();
        if (now == null) {
            throw new SQLTransientConnectionException("PostgreSQL is not connected: " + status.get().detail(), CANNOT_CONNECT);
        }
        return now;
    }

    private void refuseWhileLost(SQLException cause) throws SQLException {
        EngineStatus now = status.get();
        if (now.state() == EngineStatus.State.LOST) {
            throw new SQLTransientConnectionException("PostgreSQL is not available: " + now.detail(), CANNOT_CONNECT, cause);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return java.util.logging.Logger.getLogger("org.persistenceexplorer");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool().isWrapperFor(type);
    }
}
