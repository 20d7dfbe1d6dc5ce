package org.persistenceexplorer.service.engine;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.store.sql.PostgresEndpoint;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * The app's PostgreSQL: the embedded server it starts itself, or an external one, reached
 * through the one captured pool. Start and migrate are blocking (call off the FX thread);
 * {@link #status()} and {@link #pool()} are cheap and thread-safe. {@link #start()} is safe to
 * call again after a failure: it never starts a second server on the data folder nor leaks a pool.
 */
public final class SqlEngine implements AutoCloseable {

    private final EngineSettings settings;
    private final StatementRecorder recorder;
    private final RootPolicy rootPolicy;
    private final AtomicReference<EngineStatus> status;
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgresServer server;
    private volatile SqlDatabase database;

    public SqlEngine(EngineSettings settings, StatementRecorder recorder, RootPolicy rootPolicy) {
        this.settings = settings;
        this.recorder = recorder;
        this.rootPolicy = rootPolicy;
        this.status = new AtomicReference<>(EngineStatus.starting(Engine.POSTGRESQL, settings.embeddedPostgres()));
    }

    /**
     * Starts the embedded server (or reaches the external one) and opens the captured pool.
     * Does nothing when both are already up; after a half-done start it reuses what did start.
     */
    public void start() throws EngineStartException {
        synchronized (lifecycle) {
            if (database != null) {
                return;
            }
            status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, ""));
            try {
                PostgresEndpoint endpoint;
                if (settings.embeddedPostgres()) {
                    if (server == null) {
                        server = EmbeddedPostgresServer.start(settings.postgresFolder(), rootPolicy);
                    }
                    endpoint = server.endpoint();
                } else {
                    endpoint = new PostgresEndpoint(settings.pgUrl(), settings.pgUser(), settings.pgPassword(), false);
                }
                status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, endpoint.address(), "connecting"));
                database = open(endpoint);
                status.updateAndGet(s -> s.with(EngineStatus.State.UP, endpoint.address(), ""));
            } catch (EngineStartException e) {
                status.updateAndGet(s -> s.with(EngineStatus.State.FAILED, e.getMessage()));
                throw e;
            }
        }
    }

    private SqlDatabase open(PostgresEndpoint endpoint) throws EngineStartException {
        try {
            return SqlDatabase.open(endpoint, recorder);
        } catch (SQLException e) {
            throw new EngineStartException("Cannot connect to PostgreSQL at " + endpoint.address() + ": "
                    + reason(e), settings.embeddedPostgres()
                    ? "The embedded server started but refused the connection; restart the app."
                    : "Check that the server is running and reachable, and the URL, user and password "
                    + "(--pg-url, --pg-user, --pg-password), then retry.", e);
        }
    }

    private static String reason(Throwable e) {
        return Causes.firstLine(e.getMessage() == null ? Causes.rootMessage(e) : e.getMessage());
    }

    /** Applies the HR sample's pending migrations (none on a second start). */
    public MigrationOutcome migrateHr() {
        Migrations.Outcome outcome = new Migrations(requireDatabase().dataSource()).migrate(MigrationTrack.HR);
        return new MigrationOutcome(outcome.track().name(), outcome.applied(), outcome.currentVersion());
    }

    /** Makes the server's own statement counter (pg_stat_statements) available where it is preloaded. */
    public void enableServerStatistics() throws SQLException {
        if (settings.embeddedPostgres()) {
            try (var connection = requireDatabase().connection(); var statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
    }

    /** The captured DataSource; only once {@link #start()} succeeded. */
    public DataSource dataSource() {
        return requireDatabase().dataSource();
    }

    SqlDatabase requireDatabase() {
        SqlDatabase db = database;
        if (db == null) {
            throw new IllegalStateException("PostgreSQL is not up yet");
        }
        return db;
    }

    public EngineStatus status() {
        return status.get();
    }

    public PoolStatus pool() {
        SqlDatabase db = database;
        if (db == null) {
            return PoolStatus.NONE;
        }
        SqlDatabase.PoolSnapshot s = db.poolSnapshot();
        return new PoolStatus(s.active(), s.idle(), s.waiting(), s.total(), s.max());
    }

    /** How many connections the pool may open: the most engine work that can run at once. */
    public int poolSize() {
        return SqlDatabase.DEFAULT_POOL_SIZE;
    }

    /** Closes the pool and stops the embedded server. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            SqlDatabase db = database;
            database = null;
            if (db != null) {
                db.close();
            }
            EmbeddedPostgresServer s = server;
            server = null;
            if (s != null) {
                s.close();
            }
            status.updateAndGet(st -> st.with(EngineStatus.State.STOPPED, ""));
        }
    }
}
