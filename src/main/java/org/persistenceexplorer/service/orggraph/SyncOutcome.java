package org.persistenceexplorer.service.orggraph;

import java.util.List;

/**
 * What one sync of HR into the org graph did. A second sync of unchanged HR data reports every
 * person unchanged and {@code graphChanges == 0}: nothing written at all.
 *
 * @param peopleRead           employees read from PostgreSQL
 * @param created              :Person nodes created (new in HR)
 * @param updated              people whose name, title, email, department or manager changed
 * @param unchanged            people the sync found as they were
 * @param removed              people gone from HR and therefore from the graph
 * @param relationshipsCreated REPORTS_TO and IN_DEPARTMENT relationships created
 * @param relationshipsRemoved REPORTS_TO and IN_DEPARTMENT relationships removed (moves, removals)
 * @param graphChanges         every change the server reported (nodes, relationships, properties, labels, schema)
 * @param graphStatements      Cypher statements the sync ran
 * @param changedIds           the employeeIds created, updated or removed (to invalidate caches)
 */
public record SyncOutcome(int peopleRead, int created, int updated, int unchanged, int removed,
                          int relationshipsCreated, int relationshipsRemoved, long graphChanges, int graphStatements,
                          List<Long> changedIds) {

    public SyncOutcome {
        changedIds = List.copyOf(changedIds);
    }

    /** One line for the user, e.g. "300 people: 0 created, 2 updated, 298 unchanged, 0 removed; 4 changes written". */
    public String describe() {
        return peopleRead + " people: " + created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + removed + " removed; " + graphChanges + (graphChanges == 1 ? " change" : " changes") + " written in "
                + graphStatements + " Cypher statements";
    }
}
