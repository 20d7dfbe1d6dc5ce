package org.persistenceexplorer.service.orggraph;

/**
 * What one org graph import did. A repeated import of unchanged HR data creates nothing.
 * The sync on demand reports more ({@link SyncOutcome}).
 *
 * @param peopleRead           employees read from PostgreSQL
 * @param nodesCreated         :Person nodes created (people new to the graph)
 * @param relationshipsCreated :REPORTS_TO and :IN_DEPARTMENT relationships created
 * @param relationshipsRemoved :REPORTS_TO and :IN_DEPARTMENT relationships removed because HR changed
 * @param constraintCreated    true if this import created the uniqueness constraint on :Person(employeeId)
 * @param graphStatements      Cypher statements the import ran (check + constraint + batches + bookkeeping)
 * @param unchanged            true when HR had not changed since the last import and nothing was written
 */
public record ImportOutcome(int peopleRead, int nodesCreated, int relationshipsCreated, int relationshipsRemoved,
                            boolean constraintCreated, int graphStatements, boolean unchanged) {
}
