package org.persistenceexplorer.domain.graph;

import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * What one Cypher statement returned. Immutable; plain Java values only (see {@link GraphNode}).
 *
 * @param columns       the returned column names, in order
 * @param rows          one map per row, column name to value (values may be null)
 * @param kind          the server's own classification of the statement (READ, WRITE, SCHEMA)
 * @param counters      what the statement changed
 * @param durationNanos from sending the statement to having read every row and committed
 */
public record GraphResult(List<String> columns, List<Map<String, Object>> rows, StatementKind kind,
                          Counters counters, long durationNanos) {

    public GraphResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The single value of a one-row, one-column result (e.g. {@code RETURN count(*)}), or null if there is no row. */
    public Object singleValue() {
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1 || columns.size() != 1) {
            throw new IllegalStateException("expected one row with one column, got " + rows.size()
                    + " rows with columns " + columns);
        }
        return rows.get(0).get(columns.get(0));
    }

    /**
     * The update counters of the result summary, as the server reported them.
     *
     * @param systemUpdates changes to the system database (users, databases)
     */
    public record Counters(int nodesCreated, int nodesDeleted, int relationshipsCreated, int relationshipsDeleted,
                           int propertiesSet, int labelsAdded, int labelsRemoved, int indexesAdded, int indexesRemoved,
                           int constraintsAdded, int constraintsRemoved, int systemUpdates) {

        public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Every update added up: what the statement log shows as "affected" for a write. */
        public long total() {
            return (long) nodesCreated + nodesDeleted + relationshipsCreated + relationshipsDeleted + propertiesSet
                    + labelsAdded + labelsRemoved + indexesAdded + indexesRemoved + constraintsAdded
                    + constraintsRemoved + systemUpdates;
        }
    }
}
