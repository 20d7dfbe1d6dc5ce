package org.persistenceexplorer.service.tables;

import java.util.Objects;

/**
 * A table by schema and name, as the catalog spells them. Immutable.
 */
public record TableRef(String schema, String name) implements Comparable<TableRef> {

    public TableRef {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(name);
    }

    /** {@code "schema"."name"}, quoted so any spelling is safe to put into SQL. */
    public String quoted() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    /** schema.name, as people read it. */
    @Override
    public String toString() {
        return schema + "." + name;
    }

    @Override
    public int compareTo(TableRef other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }
}
