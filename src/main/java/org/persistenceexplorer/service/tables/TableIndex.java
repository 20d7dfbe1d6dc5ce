package org.persistenceexplorer.service.tables;

/**
 * An index of a table, with its definition as PostgreSQL prints it ({@code pg_get_indexdef}). Immutable.
 */
public record TableIndex(String name, String definition, boolean unique, boolean primary) {
}
