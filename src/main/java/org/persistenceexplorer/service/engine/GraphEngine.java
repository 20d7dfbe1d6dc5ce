package org.persistenceexplorer.service.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
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
 */
public final class GraphEngine implements CypherRunner, AutoCloseable {

    private final EngineSettings settings;
    private final StatementRecorder recorder;
    private final AtomicReference<EngineStatus> status;
    private final Object lifecycle = new Object();
    private volatile EmbeddedNeo4jServer server;
    private volatile GraphGateway gateway;

    public GraphEngine(EngineSettings settings, StatementRecorder recorder) {
        this.settings = settings;
        this.recorder = recorder;
        this.status = new AtomicReference<>(EngineStatus.starting(Engine.NEO4J, settings.embeddedNeo4j()));
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
            status.updateAndGet(s -> s.with(EngineStatus.State.STARTING, ""));
            try {
                Neo4jEndpoint endpoint;
                if (settings.embeddedNeo4j()) {
                    if (server == null) {
                        server = EmbeddedNeo4jServer.start(settings.neo4jFolder());
                    }
                    endpoint = server.endpoint();
                } else {
                    endpoint = new Neo4jEndpoint(settings.neo4jUri(), settings.neo4jUser(), settings.neo4jPassword(), false);
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

    @Override
    public GraphResult read(String cypher, Map<String, Object> parameters) {
        return requireGateway().read(cypher, parameters);
    }

    @Override
    public GraphResult write(String cypher, Map<String, Object> parameters) {
        return requireGateway().write(cypher, parameters);
    }

    private GraphGateway requireGateway() {
        GraphGateway g = gateway;
        if (g == null) {
            EngineStatus now = status.get();
            throw new IllegalStateException(now.inTrouble()
                    ? "Neo4j is not available: " + now.detail()
                    : "Neo4j is not up yet; it is still starting.");
        }
        return g;
    }

    public EngineStatus status() {
        return status.get();
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
