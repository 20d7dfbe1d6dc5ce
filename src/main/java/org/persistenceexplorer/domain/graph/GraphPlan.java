package org.persistenceexplorer.domain.graph;

import java.util.List;
import java.util.Map;

/**
 * The plan Neo4j reported for an EXPLAIN or PROFILE statement (the result summary carries it):
 * one operator with its arguments and, when profiled, the rows it produced and its db hits.
 * Immutable.
 *
 * @param arguments the server's arguments as text (Details, EstimatedRows, planner, runtime, ...)
 * @param rows      rows produced (PROFILE), -1 when only explained
 * @param dbHits    storage accesses (PROFILE), -1 when only explained
 */
public record GraphPlan(String operator, List<String> identifiers, Map<String, String> arguments, long rows, long dbHits,
                        List<GraphPlan> children) {

    public GraphPlan {
        identifiers = List.copyOf(identifiers);
        arguments = Map.copyOf(arguments);
        children = List.copyOf(children);
    }
}
