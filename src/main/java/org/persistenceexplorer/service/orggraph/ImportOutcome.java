package org.persistenceexplorer.service.orggraph;

/**
 * What one org graph import did. A repeated import of unchanged HR data creates nothing.
 *
 * @param peopleRead           employees read from PostgreSQL
 * @param nodesCreated         :Person nodes created (people new to the graph)
 * @param relationshipsCreated :REPORTS_TO relationships created
 * @param relationshipsRemoved :REPORTS_TO relationships removed because the manager changed in HR
 * @param constraintCreated    true if this import created the uniqueness constraint on :Person(employeeId)
 * @param graphStatements      Cypher statements the import ran (check + constraint + batches + bookkeeping)
 * @param unchanged            true when HR had not changed since the last import and nothing was written
 */
public record ImportOutcome(int peopleRead, int nodesCreated, int relationshipsCreated, int relationshipsRemoved,
                            boolean constraintCreated, int graphStatements, boolean unchanged) {
}
