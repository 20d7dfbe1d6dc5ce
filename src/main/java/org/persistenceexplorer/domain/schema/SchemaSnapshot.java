package org.persistenceexplorer.domain.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The shape of one PostgreSQL schema at a moment, read from the catalog (pg_catalog), without
 * Flyway's history table: what a migration changes and what a diff compares. Names inside
 * definitions are unqualified, so a track migrated into a scratch schema gives the same snapshot
 * as in its own. Immutable.
 *
 * @param tables in name order
 */
public record SchemaSnapshot(List<TableShape> tables) {

    public static final SchemaSnapshot EMPTY = new SchemaSnapshot(List.of());

    public SchemaSnapshot {
        tables = tables.stream().sorted(Comparator.comparing(TableShape::name)).toList();
    }

    public Optional<TableShape> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The same snapshot with each table's columns in name order: PostgreSQL appends a re-added
     * column at the end, so an undo script can restore everything but the column position.
     */
    public SchemaSnapshot ignoringColumnOrder() {
        return new SchemaSnapshot(tables.stream().map(TableShape::ignoringColumnOrder).toList());
    }
}
