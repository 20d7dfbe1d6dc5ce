package org.persistenceexplorer.service.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.ServerStatementReading;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.Liveness;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.store.sql.PostgresEndpoint;
import org.persistenceexplorer.store.sql.ServerStatementCounts;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * The app's PostgreSQL: the embedded server it starts itself, or an external one, reached
 * through the one captured pool. Start and migrate are blocking (call off the FX thread);
 * {@link #status()} and {@link #pool()} are cheap and thread-safe. {@link #start()} is safe to
 * call again after a failure: it never starts a second server on the data folder nor leaks a pool.
 *
 * <p>Once up, the {@link EngineWatch} checks it every second without sending a statement. When the
 * server is lost, the status says so, {@link #dataSource()} refuses connections at once with that
 * reason, and the engine comes back by itself: the embedded server is restarted on the same data
 * folder and port, an external one is waited for. The pool and its DataSource stay the same
 * throughout, so Flyway, Hibernate and services holding it keep working once it is back.
 */
public final class SqlEngine implements AutoCloseable {

    private volatile EngineSettings settings;
    private final StatementRecorder recorder;
    private final RootPolicy rootPolicy;
    private final AtomicReference<EngineStatus> status;
    private static final Duration PORT_CHECK_TIMEOUT = Duration.ofSeconds(1);

    private final Object lifecycle = new Object();
    private final HealthCheck healthCheck;
    private volatile EmbeddedPostgresServer server;
    private volatile SqlDatabase database;
    private volatile GuardedDataSource guarded;
    /** The server's own count, read outside the pool and the capture (see ServerStatementCounts). */
    private volatile ServerStatementCounts serverCounts;
    /** The embedded server's port from the first start; a restart reuses it (guarded by lifecycle). */
    private int embeddedPort;

    public SqlEngine(EngineSettings settings, StatementRecorder recorder, RootPolicy rootPolicy) {
        this.settings = settings;
        this.recorder = recorder;
        this.rootPolicy = rootPolicy;
        this.status = new AtomicReference<>(EngineStatus.starting(Engine.POSTGRESQL, settings.embeddedPostgres()));
        // Asked at each loss, not fixed here: a switch to another profile changes the answer.
        this.healthCheck = new HealthCheck(status, () -> this.settings.embeddedPostgres() ? "restarting it" : "reconnecting",
                this::problem, () -> {
                    if (this.settings.embeddedPostgres()) {
                        restart();
                    } else {
                        HealthCheck.answerAgain(this::problem).recover();
                    }
                });
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
            boolean embedded = settings.embeddedPostgres();
            status.updateAndGet(s -> new EngineStatus(s.engine(), EngineStatus.State.STARTING, s.address(), embedded, ""));
            try {
                PostgresEndpoint endpoint;
                if (settings.embeddedPostgres()) {
                    if (server == null) {
                        server = EmbeddedPostgresServer.start(settings.postgresFolder(), rootPolicy);
                        embeddedPort = server.port();
                    }
                    endpoint = server.endpoint();
                } else {
                    endpoint = new PostgresEndpoint(settings.pgUrl(), settings.pgUser(), settings.pgPassword(), false,
                            settings.postgresReadOnly(), settings.extras().statementTimeoutSeconds(),
                            settings.extras().applicationName());
                }
                status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, endpoint.address(), "connecting"));
                // Marked before the pool's first connection, so the server's window and the log's both start empty.
                if (serverCounts == null) {
                    serverCounts = new ServerStatementCounts(endpoint, settings.embeddedPostgres());
                    serverCounts.mark();
                }
                SqlDatabase opened = open(endpoint);
                if (guarded == null) {
                    // One DataSource for the engine's whole life, across reconnects and profile switches.
                    guarded = new GuardedDataSource(() -> {
                        SqlDatabase now = database;
                        return now == null ? null : now.dataSource();
                    }, status::get);
                }
                database = opened;
                String address = embedded ? endpoint.address() : whoAnswered(opened, endpoint);
                status.updateAndGet(s -> s.with(EngineStatus.State.UP, address, ""));
            } catch (EngineStartException e) {
                status.updateAndGet(s -> s.with(EngineStatus.State.FAILED, e.getMessage()));
                throw e;
            }
        }
    }

    /**
     * Which server of the URL answered and whether it is a replica: a multi-host URL
     * (targetServerType, loadBalanceHosts) leaves the choice to pgjdbc, and the status bar says
     * what it chose. One captured statement on the pool.
     */
    private static String whoAnswered(SqlDatabase db, PostgresEndpoint endpoint) {
        try (var c = db.connection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT host(inet_server_addr()), inet_server_port(), pg_is_in_recovery(), current_database()")) {
            r.next();
            String host = r.getString(1) == null ? endpoint.host() : r.getString(1);
            return host + ":" + r.getInt(2) + "/" + r.getString(4) + (r.getBoolean(3) ? " (replica)" : " (primary)");
        } catch (SQLException e) {
            return endpoint.address();
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

    /**
     * Moves the engine to other servers (a connection profile): closes the pool and stops the
     * embedded server if it ran, then starts on the new settings. Blocking; call off the FX thread.
     * The {@link #dataSource()} stays the same object, now reaching the new server. When the new
     * servers cannot be reached, the engine goes back to the old settings (started again) and the
     * reason is thrown: the previous profile stays usable.
     */
    public void switchTo(EngineSettings next) throws EngineStartException {
        synchronized (lifecycle) {
            ServerSwitch.move(settings, next, this::stopForSwitch, s -> settings = s, this::start);
        }
    }

    private void stopForSwitch() {
        status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, "switching servers"));
        SqlDatabase db = database;
        database = null;
        if (db != null) {
            db.close();
        }
        ServerStatementCounts counts = serverCounts;
        serverCounts = null;
        if (counts != null) {
            counts.close();
        }
        EmbeddedPostgresServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    /** The settings the engine runs on now (they change with a profile switch). */
    public EngineSettings settings() {
        return settings;
    }

    /** True when the app's transactions on this server are read-only (an external profile not unlocked). */
    public boolean readOnly() {
        return settings.postgresReadOnly();
    }

    /** Applies the HR sample's pending migrations (none on a second start). */
    public MigrationOutcome migrateHr() {
        Migrations.Outcome outcome = new Migrations(dataSource()).migrate(MigrationTrack.HR);
        return new MigrationOutcome(outcome.track().name(), outcome.applied(), outcome.currentVersion());
    }

    /** Makes the server's own statement counter (pg_stat_statements) available where it is preloaded. */
    public void enableServerStatistics() throws SQLException {
        if (settings.embeddedPostgres()) {
            try (var connection = dataSource().getConnection(); var statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
    }

    /**
     * The captured DataSource; only once {@link #start()} succeeded. The same object for the
     * engine's whole life; while the engine is lost it refuses connections at once, with the reason.
     */
    public DataSource dataSource() {
        GuardedDataSource g = guarded;
        if (g != null) {
            return g; // also while a profile switch is under way: it then refuses with the reason
        }
        requireDatabase();
        return guarded;
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

    HealthCheck healthCheck() {
        return healthCheck;
    }

    /** Sends no statement: the postmaster's process and port, or the external server's port. */
    private Optional<String> problem() {
        SqlDatabase db = database;
        if (db == null) {
            return Optional.empty();
        }
        if (settings.embeddedPostgres()) {
            EmbeddedPostgresServer embedded = server;
            return embedded == null ? Optional.empty() : embedded.problem().map(p -> "The embedded PostgreSQL server " + p);
        }
        PostgresEndpoint endpoint = db.endpoint();
        return Liveness.portAnswers(endpoint.host(), endpoint.port(), PORT_CHECK_TIMEOUT)
                ? Optional.empty()
                : Optional.of("PostgreSQL at " + endpoint.address() + " does not answer");
    }

    /**
     * Brings the embedded server back: closes what is left of the old one first (after a kill -9
     * zonky still holds its lock file in the data folder, in this JVM), then starts a new one on
     * the same folder and port, so the pool's URL stays valid; Hikari drops the dead connections
     * when it next validates them.
     */
    private void restart() throws EngineStartException {
        synchronized (lifecycle) {
            if (status.get().state() != EngineStatus.State.LOST) {
                return; // closed meanwhile: stay closed
            }
            EmbeddedPostgresServer old = server;
            server = null;
            if (old != null) {
                old.close();
            }
            server = EmbeddedPostgresServer.start(settings.postgresFolder(), rootPolicy, embeddedPort);
        }
    }

    /**
     * What the server itself counted for the app since the last {@link #resetServerStatements()}
     * (or the start): blocking, sends statements on a connection of its own that the statement
     * log does not show and the count leaves out.
     *
     * @param details also the counts per statement shape and the other clients on the database
     */
    public ServerStatementReading readServerStatements(boolean details) {
        ServerStatementCounts counts = serverCounts;
        if (counts == null || status.get().state() != EngineStatus.State.UP) {
            return ServerStatementReading.unavailable("PostgreSQL is not up.");
        }
        return counts.read(details);
    }

    /** Starts a new counting window on the server (pg_stat_statements_reset where allowed). Blocking. */
    public void resetServerStatements() {
        ServerStatementCounts counts = serverCounts;
        if (counts != null) {
            counts.mark();
        }
    }

    public PoolStatus pool() {
        SqlDatabase db = database;
        if (db == null) {
            return PoolStatus.NONE;
        }
        SqlDatabase.PoolSnapshot s = db.poolSnapshot();
        return new PoolStatus(s.active(), s.idle(), s.waiting(), s.total(), s.max());
    }

    /**
     * Opens a small captured pool of its own on the same server (see {@link SidePool}): blocking,
     * only once {@link #start()} succeeded. While the engine is lost it refuses connections at once.
     */
    public SidePool openSidePool(String name, int size, Duration connectionTimeout) throws SQLException {
        SqlDatabase side = SqlDatabase.openSide(requireDatabase().endpoint(), recorder, name, size, connectionTimeout.toMillis());
        return new SidePool(side, new GuardedDataSource(side.dataSource(), status::get));
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
            guarded = null;
            if (db != null) {
                db.close();
            }
            ServerStatementCounts counts = serverCounts;
            serverCounts = null;
            if (counts != null) {
                counts.close();
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
