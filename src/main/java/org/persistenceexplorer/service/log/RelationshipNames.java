package org.persistenceexplorer.service.log;

import java.util.Optional;

/**
 * Names the mapped association behind a SELECT's key, from the ORM's metamodel: the table a
 * query reads and the column it is filtered by, e.g. ({@code lab.employee}, {@code department_id})
 * is {@code Department.employees}. Thread-safe.
 */
@FunctionalInterface
public interface RelationshipNames {

    /** None known (Hibernate not open yet, or SQL that no mapping explains). */
    RelationshipNames NONE = (table, column) -> Optional.empty();

    Optional<String> name(String table, String column);
}
