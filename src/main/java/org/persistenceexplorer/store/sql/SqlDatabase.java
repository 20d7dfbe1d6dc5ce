package org.persistenceexplorer.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The app's one way into PostgreSQL: a HikariCP pool whose physical connections are wrapped by
 * datasource-proxy, so every statement from Hibernate, Flyway, the console and metadata reads
 * is captured, including what the pool itself sends. Thread-safe. Opening it connects once
 * (blocking; call off the FX thread), so an unreachable server fails here with its reason.
 */
public final class SqlDatabase implements AutoCloseable {

    /** Pool size: enough for the UI's parallel loads and the labs, small for a desktop. */
    public static final int DEFAULT_POOL_SIZE = 6;
    /** The application_name of the pool's connections, which tells them apart from other clients. */
    public static final String APPLICATION_NAME = "Persistence Explorer";

    private final PostgresEndpoint endpoint;
    private final HikariDataSource pool;

    private SqlDatabase(PostgresEndpoint endpoint, HikariDataSource pool) {
        this.endpoint = endpoint;
        this.pool = pool;
    }

    /** Opens a captured pool on the endpoint and checks that the server answers. */
    public static SqlDatabase open(PostgresEndpoint endpoint, StatementRecorder recorder) throws SQLException {
        SqlCaptureListener capture = new SqlCaptureListener(recorder);
        DataSource captured = ProxyDataSourceBuilder.create("postgresql", physical(endpoint, new CapturingPgDataSource(recorder)))
                .listener(capture)
                .methodListener(capture)
                .proxyResultSet(capture.resultReads()) // counts the rows of each SELECT as they are read
                .jdbcProxyFactory(new CapturedProxies(capture.resultReads())) // ... in a plain class, not a JDK proxy
                .build();
        return new SqlDatabase(endpoint, pool(captured, "pe-sql", DEFAULT_POOL_SIZE, 1, 10_000, endpoint.connectionSetup()));
    }

    /**
     * A small captured pool of its own on the same server, for work that holds connections on
     * purpose (the transactions lab's sessions, its pool-exhaustion lesson) so the app's pool is
     * never starved. {@code connectionTimeoutMillis} is how long a caller waits for a free one.
     */
    public static SqlDatabase openSide(PostgresEndpoint endpoint, StatementRecorder recorder, String poolName,
                                       int size, long connectionTimeoutMillis) throws SQLException {
        DataSource captured = ProxyDataSourceBuilder.create("postgresql", physical(endpoint, new CapturingPgDataSource(recorder)))
                .listener(new SqlCaptureListener(recorder))
                .methodListener(new SqlCaptureListener(recorder))
                .build();
        return new SqlDatabase(endpoint, pool(captured, poolName, size, 0, connectionTimeoutMillis, endpoint.connectionSetup()));
    }

    /**
     * A pool on the same server without capture. Only for measuring what capture costs
     * (the benchmark); the product never uses it.
     */
    public static SqlDatabase openUncaptured(PostgresEndpoint endpoint) throws SQLException {
        return new SqlDatabase(endpoint, pool(physical(endpoint, new PGSimpleDataSource()), "pe-sql-raw"));
    }

    /** The pool's connection settings on {@code ds}: URL, user, application_name, timeouts, no setup query, no named statements. */
    static PGSimpleDataSource physical(PostgresEndpoint endpoint, PGSimpleDataSource ds) {
        ds.setURL(endpoint.jdbcUrl());
        ds.setUser(endpoint.user());
        if (endpoint.password() != null) {
            ds.setPassword(endpoint.password());
        }
        String extra = endpoint.applicationName() == null || endpoint.applicationName().isBlank()
                ? "" : " (" + endpoint.applicationName().strip() + ")";
        // The app's own name first: the server's count tells the app's sessions from others' by it.
        ds.setApplicationName(APPLICATION_NAME + extra);
        // Read-only and the statement timeout go in the startup packet: the server applies them to
        // every transaction of the session, without a statement the log would have to explain.
        String options = endpoint.startupOptions();
        if (options != null) {
            ds.setOptions(options);
        }
        // Told the server is at least 9.0, pgjdbc puts application_name in the startup packet instead
        // of sending "SET application_name" as a query of its own, which no proxy would see
        // (on servers before 12 it still sends SET extra_float_digits: we support 12 and later).
        ds.setAssumeMinServerVersion("9.0");
        ds.setConnectTimeout(5);
        // No named server-side prepared statements: pg_stat_statements does not count re-executions
        // of a prepared utility statement (pgjdbc's COMMIT), so the server's own count would fall
        // short of what was sent. See docs/decisions/0003-statement-capture.md.
        ds.setPrepareThreshold(0);
        ds.setLoginTimeout(5);
        return ds;
    }

    private static HikariDataSource pool(DataSource physical, String name) throws SQLException {
        return pool(physical, name, DEFAULT_POOL_SIZE, 1, 10_000, null);
    }

    private static HikariDataSource pool(DataSource physical, String name, int size, int minimumIdle,
                                         long connectionTimeoutMillis, String connectionSetup) throws SQLException {
        HikariConfig config = new HikariConfig();
        if (connectionSetup != null) {
            // Through the captured DataSource: the log shows it, and the server counts it.
            config.setConnectionInitSql(connectionSetup);
        }
        config.setDataSource(physical);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(minimumIdle);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setRegisterMbeans(false);
        // Fail fast with the server's reason instead of retrying in the background.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof SQLException ? e.getCause() : e;
            throw cause instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
    }

    /** The captured DataSource: every statement through it reaches the statement log. */
    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** The pool right now: active, idle, waiting and total connections. */
    public PoolSnapshot poolSnapshot() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolSnapshot(0, 0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolSnapshot(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(), bean.getTotalConnections(), pool.getMaximumPoolSize());
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Connection counts of the pool at one moment. */
    public record PoolSnapshot(int active, int idle, int waiting, int total, int max) {
    }
}
