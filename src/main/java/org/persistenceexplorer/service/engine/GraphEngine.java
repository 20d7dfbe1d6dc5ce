package org.persistenceexplorer.service.engine;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.persistenceexplorer.service.orggraph.ImportOutcome;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.graph.EmbeddedNeo4jServer;
import org.persistenceexplorer.store.graph.GraphGateway;
import org.persistenceexplorer.store.graph.Neo4jEndpoint;

/**
 * The app's Neo4j: the embedded server it starts itself, or an external one, always reached
 * through the Bolt driver and the capturing {@link GraphGateway}. Start and import are blocking
 * (call off the FX thread); {@link #status()} is cheap and thread-safe.
 */
public final class GraphEngine implements AutoCloseable {

    public static final String NAME = "Neo4j";

    private final EngineSettings settings;
    private final StatementRecorder recorder;
    private volatile EngineStatus status;
    private volatile EmbeddedNeo4jServer server;
    private volatile GraphGateway gateway;

    public GraphEngine(EngineSettings settings, StatementRecorder recorder) {
        this.settings = settings;
        this.recorder = recorder;
        this.status = EngineStatus.starting(NAME, settings.embeddedNeo4j());
    }

    /** Starts the embedded server (or reaches the external one) and connects the driver. */
    public void start() throws EngineStartException {
        status = status.with(EngineStatus.State.STARTING, status.address(), "");
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
            status = status.with(EngineStatus.State.STARTING, endpoint.address(), "connecting");
            gateway = GraphGateway.connect(endpoint, recorder);
            status = status.with(EngineStatus.State.STARTING, endpoint.address(), "importing the org graph");
        } catch (EngineStartException e) {
            status = status.with(EngineStatus.State.FAILED, status.address(), e.getMessage());
            throw e;
        }
    }

    /**
     * Brings the HR people into the graph (idempotent: a second run creates nothing) and marks
     * the engine up.
     */
    public ImportOutcome importOrgGraph(DataSource hr) throws SQLException {
        try {
            ImportOutcome outcome = new OrgGraphImport(hr, requireGateway()).importPeople();
            status = status.with(EngineStatus.State.UP, status.address(), "");
            return outcome;
        } catch (SQLException | RuntimeException e) {
            status = status.with(EngineStatus.State.FAILED, status.address(), "the org graph import failed: " + e.getMessage());
            throw e;
        }
    }

    public GraphGateway gateway() {
        return requireGateway();
    }

    private GraphGateway requireGateway() {
        GraphGateway g = gateway;
        if (g == null) {
            throw new IllegalStateException("Neo4j is not up yet");
        }
        return g;
    }

    public EngineStatus status() {
        return status;
    }

    /** Closes the driver and stops the embedded server (fast). Idempotent. */
    @Override
    public void close() {
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
        status = status.with(EngineStatus.State.STOPPED, status.address(), "");
    }
}
