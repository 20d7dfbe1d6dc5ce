package org.persistenceexplorer.service.engine;

import java.util.Map;
import org.persistenceexplorer.domain.graph.GraphResult;

/**
 * Runs Cypher on the app's Neo4j, each statement in its own transaction, every one recorded in
 * the statement log. The service-side view of the graph store: features depend on this, never on
 * the driver or the store's gateway, so a reconnect behind it changes nothing for them.
 * Blocking; call off the FX thread. Thread-safe.
 */
public interface CypherRunner {

    /** Runs one read-only statement; the server refuses writes in it. */
    GraphResult read(String cypher, Map<String, Object> parameters);

    /** Runs one statement that may write or change the schema. */
    GraphResult write(String cypher, Map<String, Object> parameters);
}
