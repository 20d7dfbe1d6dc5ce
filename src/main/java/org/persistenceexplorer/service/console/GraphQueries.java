package org.persistenceexplorer.service.console;

import java.util.Map;
import org.persistenceexplorer.domain.graph.GraphAnswer;

/**
 * How the console reaches Neo4j: one captured statement with a row limit (the app passes
 * {@code GraphEngine::query}). Blocking; thread-safe.
 */
@FunctionalInterface
public interface GraphQueries {

    GraphAnswer query(String cypher, Map<String, Object> parameters, boolean write, int maxRows);
}
