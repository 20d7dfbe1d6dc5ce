package org.persistenceexplorer.service.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.persistenceexplorer.domain.schema.ColumnShape;
import org.persistenceexplorer.domain.schema.ConstraintShape;
import org.persistenceexplorer.domain.schema.IndexShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * What changed between two catalog snapshots: tables, columns (type, nullability, default),
 * constraints and indexes, each added, removed or changed. Computed from the snapshots, never
 * from the SQL that caused it. Column order is not a change (PostgreSQL cannot move a column).
 * Immutable.
 */
public record SchemaDiff(List<SchemaChange> changes) {

    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The differences from {@code before} to {@code after}. */
    public static SchemaDiff between(SchemaSnapshot before, SchemaSnapshot after) {
        List<SchemaChange> changes = new ArrayList<>();
        Map<String, TableShape> old = index(before.tables(), TableShape::name);
        Map<String, TableShape> now = index(after.tables(), TableShape::name);
        for (TableShape table : before.tables()) {
            if (!now.containsKey(table.name())) {
                changes.add(new SchemaChange(SchemaChange.Kind.REMOVED, table.name(), SchemaChange.Part.TABLE,
                        table.name(), table.columns().size() + " columns", null));
            }
        }
        for (TableShape table : after.tables()) {
            TableShape was = old.get(table.name());
            if (was == null) {
                changes.add(new SchemaChange(SchemaChange.Kind.ADDED, table.name(), SchemaChange.Part.TABLE,
                        table.name(), null, table.columns().size() + " columns"));
                // The new table's parts are listed too, so the reader sees its keys and indexes.
                compareParts(table.name(), new TableShape(table.name(), List.of(), List.of(), List.of()), table, changes);
            } else {
                compareParts(table.name(), was, table, changes);
            }
        }
        return new SchemaDiff(changes);
    }

    private static void compareParts(String table, TableShape was, TableShape now, List<SchemaChange> changes) {
        compare(table, SchemaChange.Part.COLUMN, was.columns(), now.columns(), ColumnShape::name, ColumnShape::describe, changes);
        compare(table, SchemaChange.Part.CONSTRAINT, was.constraints(), now.constraints(), ConstraintShape::name,
                c -> c.kind().words() + " " + c.definition(), changes);
        compare(table, SchemaChange.Part.INDEX, was.indexes(), now.indexes(), IndexShape::name, IndexShape::definition, changes);
    }

    private static <T> void compare(String table, SchemaChange.Part part, List<T> before, List<T> after,
                                    Function<T, String> name, Function<T, String> describe, List<SchemaChange> changes) {
        Map<String, T> old = index(before, name);
        Map<String, T> now = index(after, name);
        for (T item : before) {
            if (!now.containsKey(name.apply(item))) {
                changes.add(new SchemaChange(SchemaChange.Kind.REMOVED, table, part, name.apply(item), describe.apply(item), null));
            }
        }
        for (T item : after) {
            T was = old.get(name.apply(item));
            if (was == null) {
                changes.add(new SchemaChange(SchemaChange.Kind.ADDED, table, part, name.apply(item), null, describe.apply(item)));
            } else if (!Objects.equals(describe.apply(was), describe.apply(item))) {
                changes.add(new SchemaChange(SchemaChange.Kind.CHANGED, table, part, name.apply(item),
                        describe.apply(was), describe.apply(item)));
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }

    /** The changes in one table. */
    public List<SchemaChange> in(String table) {
        return changes.stream().filter(c -> c.table().equals(table)).toList();
    }

    /** Each change on a line of its own; "no change" when empty. */
    public String describe() {
        return changes.isEmpty() ? "no change" : changes.stream().map(SchemaChange::describe).collect(Collectors.joining("\n"));
    }
}
