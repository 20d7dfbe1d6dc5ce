package org.persistenceexplorer.domain.console;

import java.util.List;

/**
 * One step of a query plan, PostgreSQL's or Neo4j's, in the words both share. Numbers the engine
 * did not report are negative. Immutable.
 *
 * @param operator      node type / operator, e.g. "Index Scan" or "Expand(All)"
 * @param relation      table (PostgreSQL) or the operator's details (Neo4j), "" when none
 * @param index         index used, "" when none
 * @param estimatedRows the planner's estimate (per loop for PostgreSQL)
 * @param actualRows    rows actually produced (per loop), -1 without ANALYZE / PROFILE
 * @param loops         how often the node ran, -1 when unknown
 * @param totalCost     planner cost, -1 for Neo4j
 * @param actualMillis  time of this node and its children per loop, -1 when not measured
 * @param selfMillis    time in this node alone over all loops, -1 when not measured
 * @param dbHits        Neo4j's db hits, -1 for PostgreSQL
 * @param slowest       this node took the most time of its own in the plan
 * @param estimateOff   the estimate is more than 10x off the actual rows
 */
public record PlanNode(String operator, String relation, String index, double estimatedRows, double actualRows,
                       long loops, double totalCost, double actualMillis, double selfMillis, long dbHits,
                       boolean slowest, boolean estimateOff, List<PlanNode> children) {

    public PlanNode {
        children = List.copyOf(children);
    }

    /** The same node marked as (or not as) the slowest. */
    public PlanNode withSlowest(boolean value) {
        return new PlanNode(operator, relation, index, estimatedRows, actualRows, loops, totalCost, actualMillis,
                selfMillis, dbHits, value, estimateOff, children);
    }

    /** The same node with other children. */
    public PlanNode withChildren(List<PlanNode> value) {
        return new PlanNode(operator, relation, index, estimatedRows, actualRows, loops, totalCost, actualMillis,
                selfMillis, dbHits, slowest, estimateOff, value);
    }

    /** This node and every node below it, depth first. */
    public List<PlanNode> flatten() {
        List<PlanNode> all = new java.util.ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
