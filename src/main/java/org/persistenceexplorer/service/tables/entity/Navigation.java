package org.persistenceexplorer.service.tables.entity;

import java.util.List;
import org.persistenceexplorer.domain.statement.CapturedStatement;

/**
 * What following one relationship of an entity did: the related entities it reached and the
 * statements it took (the lazy SELECT of a proxy or a collection, or none when the session
 * already held them). Immutable.
 *
 * @param attribute  the relationship followed, e.g. {@code employees}
 * @param targetName the related entity's name, e.g. {@code Employee}
 * @param related    what it leads to (empty: a null to-one or an empty collection)
 * @param how        what Hibernate did, in words ("the proxy was initialised: SELECT")
 * @param statements the exact statements, from the statement log
 */
public record Navigation(String attribute, String targetName, List<Related> related, String how,
                         List<CapturedStatement> statements) {

    public Navigation {
        related = List.copyOf(related);
        statements = List.copyOf(statements);
    }

    /**
     * One entity at the end of a relationship.
     *
     * @param entityName its entity, e.g. {@code Project}
     * @param id         its id as text
     * @param label      a readable name (its first text attribute), or "" when it has none
     */
    public record Related(String entityName, String id, String label) {
        @Override
        public String toString() {
            return entityName + " " + id + (label.isEmpty() ? "" : " · " + label);
        }
    }
}
