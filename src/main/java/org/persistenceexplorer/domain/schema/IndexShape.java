package org.persistenceexplorer.domain.schema;

/**
 * An index that no constraint owns. Immutable.
 *
 * @param definition as pg_get_indexdef prints it, without the schema name
 */
public record IndexShape(String name, String definition) {
}
