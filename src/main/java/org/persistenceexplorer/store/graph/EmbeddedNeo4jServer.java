package org.persistenceexplorer.store.graph;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.persistenceexplorer.store.engine.Causes;
import org.persistenceexplorer.store.engine.DataFolderCheck;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.Liveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j 5 server running inside the app's JVM, reachable over Bolt on loopback so the
 * app talks to it exactly as it would to an external server (through {@link GraphGateway}).
 * Data lives in a folder that survives restarts; no authentication, no encryption, no HTTP.
 * Blocking; call off the FX thread. Start takes seconds, stop well under one. {@link #problem()}
 * is cheap and thread-safe.
 */
public final class EmbeddedNeo4jServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4jServer.class);
    private static final long PAGE_CACHE_BYTES = 64L * 1024 * 1024;
    private static final Duration AVAILABLE_WITHIN = Duration.ofMinutes(2);

    private static final Duration PORT_CHECK_TIMEOUT = Duration.ofSeconds(1);

    private final DatabaseManagementService service;
    private final GraphDatabaseAPI database;
    private final Path home;
    private final Neo4jEndpoint endpoint;
    private final HostnamePort bolt;
    private final long startNanos;
    private volatile boolean closed;

    private EmbeddedNeo4jServer(DatabaseManagementService service, GraphDatabaseAPI database, Path home,
                                Neo4jEndpoint endpoint, HostnamePort bolt, long startNanos) {
        this.service = service;
        this.database = database;
        this.home = home;
        this.endpoint = endpoint;
        this.bolt = bolt;
        this.startNanos = startNanos;
    }

    /**
     * Starts the server on the folder, creating the database on first use, Bolt on a free port.
     *
     * @param home the server's own folder, e.g. ~/.local/share/persistence-explorer/neo4j
     */
    public static EmbeddedNeo4jServer start(Path home) throws EngineStartException {
        return start(home, 0);
    }

    /**
     * Starts the server with Bolt on the preferred port, or on a free one when that port is
     * taken: a restart keeps the address the status bar showed when it can.
     *
     * @param preferredPort the Bolt port to try first, or 0 for a free one
     */
    public static EmbeddedNeo4jServer start(Path home, int preferredPort) throws EngineStartException {
        Optional<EngineStartException> folderProblem = DataFolderCheck.problemWith("Neo4j", home);
        if (folderProblem.isPresent()) {
            throw folderProblem.get();
        }
        try {
            return boot(home, preferredPort);
        } catch (EngineStartException e) {
            if (preferredPort == 0 || !(Causes.causedBy(e, BindException.class)
                    || Causes.anyMessageContains(e, "Address already in use"))) {
                throw e;
            }
            LOG.info("Bolt port {} is taken; the embedded Neo4j takes a free one", preferredPort);
            return boot(home, 0);
        }
    }

    private static EmbeddedNeo4jServer boot(Path home, int port) throws EngineStartException {
        long started = System.nanoTime();
        DatabaseManagementService service = null;
        try {
            Files.createDirectories(home);
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    // port 0: the OS picks a free port; the port register tells us which one
                    .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Without these three, shutdown waits ~10 s for Bolt, and Bolt's non-daemon
                    // network threads keep the JVM alive ~5 s longer (docs/NEO4J-NOTES.md).
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!database.isAvailable(AVAILABLE_WITHIN.toMillis())) {
                throw new IllegalStateException("the database did not become available within "
                        + AVAILABLE_WITHIN.toSeconds() + " s");
            }
            HostnamePort bolt = database.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bolt == null) {
                throw new IllegalStateException("the Bolt connector did not open a port");
            }
            Neo4jEndpoint endpoint = new Neo4jEndpoint("bolt://" + bolt.getHost() + ":" + bolt.getPort(), null, null, true);
            LOG.info("Embedded Neo4j up at {} in {} ms with data in {}", endpoint.address(), millisSince(started), home);
            return new EmbeddedNeo4jServer(service, database, home, endpoint, bolt, started);
        } catch (IOException | RuntimeException e) {
            shutdownQuietly(service);
            throw explain(home, e);
        }
    }

    private static EngineStartException explain(Path home, Exception e) {
        if (Causes.causedBy(e, FileLockException.class)) {
            return new EngineStartException("The Neo4j data folder " + home
                    + " is in use by another running Persistence Explorer (or another Neo4j).",
                    "Close the other window, or start this one with --data-dir pointing at another folder.", e);
        }
        if (Causes.causedBy(e, AccessDeniedException.class)) {
            return new EngineStartException("The embedded Neo4j cannot write to its data folder " + home + ".",
                    "Give your user write access to that folder, or start with --data-dir pointing at another folder.", e);
        }
        return new EngineStartException("The embedded Neo4j server did not start: " + Causes.rootMessage(e),
                "Check free disk space and the data folder " + home
                        + "; if it is damaged, move it away to start fresh (the graph there will be lost).", e);
    }

    /** Where the app reaches the server: bolt://127.0.0.1:port, no login. */
    public Neo4jEndpoint endpoint() {
        return endpoint;
    }

    /** The port Bolt listens on. */
    public int boltPort() {
        return bolt.getPort();
    }

    /**
     * What is wrong with the running server, in words that follow "The embedded Neo4j
     * server", or empty when its database is available and Bolt accepts connections. Sends
     * no Cypher; takes at most about a second.
     */
    public Optional<String> problem() {
        boolean available;
        try {
            available = !closed && database.isAvailable(0);
        } catch (RuntimeException e) {
            available = false; // a database that was shut down may throw instead of saying no
        }
        if (!available) {
            return Optional.of("stopped unexpectedly (its database is no longer available)");
        }
        if (!Liveness.portAnswers(bolt.getHost(), bolt.getPort(), PORT_CHECK_TIMEOUT)) {
            return Optional.of("does not answer on Bolt port " + bolt.getPort());
        }
        return Optional.empty();
    }

    /** The server's folder (data, logs). */
    public Path home() {
        return home;
    }

    /** Stops the server and waits for it (well under a second with the settings above). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long stopping = System.nanoTime();
        shutdownQuietly(service);
        LOG.info("Embedded Neo4j stopped in {} ms after running {} s", millisSince(stopping),
                (System.nanoTime() - startNanos) / 1_000_000_000L);
    }

    private static void shutdownQuietly(DatabaseManagementService service) {
        if (service == null) {
            return;
        }
        try {
            service.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Neo4j did not stop cleanly: {}", Causes.rootMessage(e));
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
