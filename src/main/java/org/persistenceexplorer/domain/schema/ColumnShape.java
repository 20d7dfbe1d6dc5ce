package org.persistenceexplorer.domain.schema;

/**
 * One column as the catalog describes it. Immutable.
 *
 * @param type         as PostgreSQL formats it, e.g. "character varying(200)"
 * @param defaultValue the default expression, "identity" for an identity column, or null
 */
public record ColumnShape(String name, String type, boolean notNull, String defaultValue) {

    /** "varchar(200) not null default now()" in the catalog's words. */
    public String describe() {
        return type + (notNull ? " not null" : "") + (defaultValue == null ? "" : " default " + defaultValue);
    }
}
