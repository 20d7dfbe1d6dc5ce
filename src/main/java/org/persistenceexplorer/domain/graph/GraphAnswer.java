package org.persistenceexplorer.domain.graph;

/**
 * A Cypher result read with a row limit, for the console: the rows up to the limit, whether
 * more were left unread (the driver discards them), and the plan when the statement was an
 * EXPLAIN or PROFILE. Immutable.
 *
 * @param plan null unless the statement asked for one
 */
public record GraphAnswer(GraphResult result, boolean truncated, GraphPlan plan) {
}
