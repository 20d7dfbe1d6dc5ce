package org.persistenceexplorer.service.tables.entity;

import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.CapturedStatement;

/**
 * What one step of entity editing (load, save, create, delete) did. Immutable.
 *
 * @param kind        how it ended
 * @param transitions the lifecycle states the entity went through, in order, each with what moved it
 * @param statements  the exact statements this step sent, from the statement log
 * @param fields      the entity's fields afterwards (after a refusal: the database's values)
 * @param fieldErrors Bean Validation or conversion messages by attribute (kind INVALID)
 * @param refusal     what the database refused (kind REFUSED), else null
 * @param conflict    yours and the database's value by attribute (kind CONFLICT), else empty
 * @param cascaded    what else a delete removed, one line per table, else empty
 */
public record EditOutcome(Kind kind, List<Transition> transitions, List<CapturedStatement> statements,
                          List<EntityField> fields, Map<String, String> fieldErrors, DatabaseRefusal refusal,
                          Map<String, List<String>> conflict, List<String> cascaded) {

    public EditOutcome {
        transitions = List.copyOf(transitions);
        statements = List.copyOf(statements);
        fields = List.copyOf(fields);
        fieldErrors = Map.copyOf(fieldErrors);
        conflict = Map.copyOf(conflict);
        cascaded = List.copyOf(cascaded);
    }

    /** How a step ended. */
    public enum Kind {
        /** Loaded, saved, created or deleted. */
        DONE,
        /** Refused before anything was sent: a field's value is not valid. */
        INVALID,
        /** The database refused it (a constraint); rolled back. */
        REFUSED,
        /** The row changed since it was loaded: the version check matched no row; rolled back. */
        CONFLICT,
        /** The row is not there (any more). */
        GONE
    }

    /**
     * One step of the entity's life.
     *
     * @param state the state it is in afterwards
     * @param cause what moved it there, e.g. "session.find: SELECT"
     */
    public record Transition(EntityState state, String cause) {
    }

    /** The value by attribute name, or null. */
    public String value(String attribute) {
        return fields.stream().filter(f -> f.attribute().equals(attribute)).map(EntityField::value).findFirst().orElse(null);
    }
}
