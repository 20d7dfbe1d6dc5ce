package org.persistenceexplorer.service.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.graph.GraphAnswer;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.orggraph.ImportOutcome;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.graph.EmbeddedNeo4jServer;
import org.persistenceexplorer.store.graph.GraphGateway;
import org.persistenceexplorer.store.graph.Neo4jEndpoint;

/**
 * The app's Neo4j: the embedded server it starts itself, or an external one, always reached
 * through the Bolt driver and the capturing gateway. Features run Cypher through it as a
 * {@link CypherRunner}; the gateway behind it may be replaced on reconnect. Start and import are
 * blocking (call off the FX thread); {@link #status()} is cheap and thread-safe.
 *
 * <p>Once up, the {@link EngineWatch} checks it every second without running Cypher. When the
 * server is lost, the status says so, Cypher calls fail at once with that reason, and the engine
 * comes back by itself: a new embedded server on the same folder (the same Bolt port when it is
 * free) with a new gateway, or the external server's driver once the server answers again.
 */
public final class GraphEngine implements CypherRunner, AutoCloseable {

    private volatile EngineSettings settings;
    private final StatementRecorder recorder;
    private final AtomicReference<EngineStatus> status;
    /** How long the external server may take for the driver's connectivity check. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final Object lifecycle = new Object();
    private final HealthCheck healthCheck;
    private volatile EmbeddedNeo4jServer server;
    private volatile GraphGateway gateway;

    public GraphEngine(EngineSettings settings, StatementRecorder recorder) {
        this.settings = settings;
        this.recorder = recorder;
        this.status = new AtomicReference<>(EngineStatus.starting(Engine.NEO4J, settings.embeddedNeo4j()));
        // Asked at each loss, not fixed here: a switch to another profile changes the answer.
        this.healthCheck = new HealthCheck(status, () -> this.settings.embeddedNeo4j() ? "restarting it" : "reconnecting",
                this::problem, () -> {
                    if (this.settings.embeddedNeo4j()) {
                        restart();
                    } else {
                        HealthCheck.answerAgain(this::problem).recover();
                    }
                });
    }

    /**
     * Starts the embedded server (or reaches the external one) and connects the driver. Safe to
     * call again after a failure: an embedded server that did start is reused.
     */
    public void start() throws EngineStartException {
        synchronized (lifecycle) {
            if (gateway != null) {
                return;
            }
            boolean embedded = settings.embeddedNeo4j();
            status.updateAndGet(s -> new EngineStatus(s.engine(), EngineStatus.State.STARTING, s.address(), embedded, ""));
            try {
                Neo4jEndpoint endpoint;
                if (settings.embeddedNeo4j()) {
                    if (server == null) {
                        server = EmbeddedNeo4jServer.start(settings.neo4jFolder());
                    }
                    endpoint = server.endpoint();
                } else {
                    endpoint = new Neo4jEndpoint(settings.neo4jUri(), settings.neo4jUser(), settings.neo4jPassword(), false,
                            settings.extras().neo4jDatabase(), settings.neo4jReadOnly());
                }
                status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, endpoint.address(), "connecting"));
                gateway = GraphGateway.connect(endpoint, recorder);
                status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, endpoint.address(), "importing the org graph"));
            } catch (EngineStartException e) {
                status.updateAndGet(s -> s.with(EngineStatus.State.FAILED, e.getMessage()));
                throw e;
            }
        }
    }

    /**
     * Brings the HR people into the graph (idempotent: a second run creates nothing) and marks
     * the engine up.
     */
    public ImportOutcome importOrgGraph(DataSource hr) throws SQLException {
        try {
            ImportOutcome outcome = new OrgGraphImport(hr, this).importPeople();
            status.updateAndGet(s -> s.with(EngineStatus.State.UP, ""));
            return outcome;
        } catch (SQLException | RuntimeException e) {
            status.updateAndGet(s -> s.with(EngineStatus.State.FAILED, "the org graph import failed: " + e.getMessage()));
            throw e;
        }
    }

    /**
     * Marks a server the app does not own as up without importing the HR people into it: a
     * user's graph is only read (the org chart maps its own labels).
     */
    public void upWithoutImport() {
        status.updateAndGet(s -> s.state() == EngineStatus.State.STARTING ? s.with(EngineStatus.State.UP, "") : s);
    }

    /**
     * Moves the engine to another Neo4j (a connection profile): closes the driver and stops the
     * embedded server if it ran, then connects to the new one. Blocking; call off the FX thread.
     * When the new server cannot be reached, the engine goes back to the old settings and the
     * reason is thrown. Afterwards the status is STARTING: the caller imports the org graph
     * ({@link #importOrgGraph}) or calls {@link #upWithoutImport()}.
     */
    public void switchTo(EngineSettings next) throws EngineStartException {
        synchronized (lifecycle) {
            ServerSwitch.move(settings, next, this::stopForSwitch, s -> settings = s, this::start);
        }
    }

    private void stopForSwitch() {
        status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, "switching servers"));
        GraphGateway g = gateway;
        gateway = null;
        if (g != null) {
            g.close();
        }
        EmbeddedNeo4jServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    /** The settings the engine runs on now (they change with a profile switch). */
    public EngineSettings settings() {
        return settings;
    }

    /** True when the app's statements on this server run in read transactions (an external profile not unlocked). */
    public boolean readOnly() {
        return settings.neo4jReadOnly();
    }

    @Override
    public GraphResult read(String cypher, Map<String, Object> parameters) {
        return requireGateway().read(cypher, parameters);
    }

    @Override
    public GraphResult write(String cypher, Map<String, Object> parameters) {
        return requireGateway().write(cypher, parameters);
    }

    /**
     * Runs one statement reading at most {@code maxRows} rows, with the plan of an EXPLAIN or
     * PROFILE: for the console (see {@link GraphGateway#query}).
     */
    public GraphAnswer query(String cypher, Map<String, Object> parameters, boolean write, int maxRows) {
        return requireGateway().query(cypher, parameters, write, maxRows);
    }

    private GraphGateway requireGateway() {
        EngineStatus now = status.get();
        GraphGateway g = gateway;
        if (now.inTrouble() || g == null) {
            // Lost: the gateway may still be there, but its server is not; fail now, not after a timeout.
            throw now.inTrouble()
                    ? new EngineUnavailableException("Neo4j is not available: " + now.detail())
                    : new IllegalStateException("Neo4j is not up yet; it is still starting.");
        }
        return g;
    }

    public EngineStatus status() {
        return status.get();
    }

    HealthCheck healthCheck() {
        return healthCheck;
    }

    /** Sends no Cypher: the embedded database and its Bolt port, or the driver's connectivity check. */
    private Optional<String> problem() {
        GraphGateway g = gateway;
        if (g == null) {
            return Optional.empty();
        }
        if (settings.embeddedNeo4j()) {
            EmbeddedNeo4jServer embedded = server;
            return embedded == null ? Optional.empty() : embedded.problem().map(p -> "The embedded Neo4j server " + p);
        }
        return g.answers(ANSWER_WITHIN) ? Optional.empty()
                : Optional.of("Neo4j at " + g.endpoint().address() + " does not answer");
    }

    /**
     * Brings the embedded server back: a new one on the same folder (the old one is shut down
     * first: it holds the store lock) and a new gateway to it; callers keep using this engine,
     * which now delegates to the new gateway.
     */
    private void restart() throws EngineStartException {
        synchronized (lifecycle) {
            if (status.get().state() != EngineStatus.State.LOST) {
                return; // closed meanwhile: stay closed
            }
            EmbeddedNeo4jServer old = server;
            server = null;
            int port = 0;
            if (old != null) {
                port = old.boltPort();
                old.close();
            }
            EmbeddedNeo4jServer fresh = EmbeddedNeo4jServer.start(settings.neo4jFolder(), port);
            server = fresh;
            GraphGateway previous = gateway;
            gateway = GraphGateway.connect(fresh.endpoint(), recorder);
            if (previous != null) {
                previous.close();
            }
            status.updateAndGet(s -> s.state() == EngineStatus.State.LOST
                    ? s.with(EngineStatus.State.LOST, fresh.endpoint().address(), s.detail()) : s);
        }
    }

    /**
     * For tests: shuts the embedded server down behind the engine's back, as a crash would; the
     * engine is not told and has to notice by itself.
     */
    void simulateServerLossForTest() {
        EmbeddedNeo4jServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** Closes the driver and stops the embedded server (fast). Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            GraphGateway g = gateway;
            gateway = null;
            if (g != null) {
                g.close();
            }
            EmbeddedNeo4jServer s = server;
            server = null;
            if (s != null) {
                s.close();
            }
            status.updateAndGet(st -> st.with(EngineStatus.State.STOPPED, ""));
        }
    }
}
