package org.persistenceexplorer.domain.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table of a {@link SchemaSnapshot}. Immutable.
 *
 * @param columns     in the table's column order
 * @param constraints primary key, foreign keys, unique and check constraints, in name order
 * @param indexes     indexes that no constraint owns, in name order
 */
public record TableShape(String name, List<ColumnShape> columns, List<ConstraintShape> constraints,
                         List<IndexShape> indexes) {

    public TableShape {
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(ConstraintShape::name)).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(IndexShape::name)).toList();
    }

    public Optional<ColumnShape> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The foreign keys, each naming the table it points to. */
    public List<ConstraintShape> foreignKeys() {
        return constraints.stream().filter(c -> c.kind() == ConstraintShape.Kind.FOREIGN_KEY).toList();
    }

    /** The primary key's columns, read from its definition ("PRIMARY KEY (a, b)"). */
    public boolean inPrimaryKey(String columnName) {
        return constraints.stream().filter(c -> c.kind() == ConstraintShape.Kind.PRIMARY_KEY)
                .anyMatch(c -> c.columns().contains(columnName));
    }

    TableShape ignoringColumnOrder() {
        return new TableShape(name, columns.stream().sorted(Comparator.comparing(ColumnShape::name)).toList(),
                constraints, indexes);
    }
}
