package org.persistenceexplorer.service.tables;

import java.util.List;
import java.util.Optional;

/**
 * Everything the schema browser shows about one table: columns, constraints, indexes, the
 * foreign keys of other tables that point here, and its size. Immutable.
 *
 * @param rows      the row count: exact when {@code exactRows}, else the planner's estimate (-1: unknown)
 * @param referencedBy foreign keys of other tables (or this one) that reference this table
 */
public record TableDescription(TableRef ref, List<TableColumn> columns, List<TableConstraint> constraints,
                               List<TableIndex> indexes, List<TableConstraint> referencedBy, long rows,
                               boolean exactRows) {

    public TableDescription {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        referencedBy = List.copyOf(referencedBy);
    }

    /** The primary key's columns, in key order; empty for a table without one. */
    public List<String> primaryKey() {
        return constraints.stream().filter(c -> c.kind() == TableConstraint.Kind.PRIMARY_KEY)
                .findFirst().map(TableConstraint::columns).orElse(List.of());
    }

    public Optional<TableColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The single-column foreign key starting at this column, if there is one. */
    public Optional<TableConstraint> foreignKeyOf(String column) {
        return constraints.stream().filter(c -> c.kind() == TableConstraint.Kind.FOREIGN_KEY
                && c.columns().equals(List.of(column))).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(TableColumn::name).toList();
    }

    /** The same table with an exact row count. */
    public TableDescription withExactRows(long count) {
        return new TableDescription(ref, columns, constraints, indexes, referencedBy, count, true);
    }
}
