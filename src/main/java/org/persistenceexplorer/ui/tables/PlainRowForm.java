package org.persistenceexplorer.ui.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.TableColumn;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.entity.EntityField;

/**
 * The form of a row edited with plain SQL (no entity maps its table): a field per column, the
 * server-filled ones (identity, generated) and cut long values read-only, an empty field meaning
 * NULL (or the default, for a new row). Pure functions; any thread.
 */
final class PlainRowForm {

    private PlainRowForm() {
    }

    /** The fields of a row the grid shows. */
    static List<FieldRow> of(TableDescription table, GridRow row) {
        List<FieldRow> fields = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            TableColumn column = table.columns().get(i);
            fields.add(new FieldRow(new EntityField(column.name(), column.name(), label(column), row.values().get(i),
                    !column.generated() && !row.cut(i), null)));
        }
        return fields;
    }

    /** The fields of a row just read back (after a save), in column order. */
    static List<FieldRow> of(TableDescription table, List<String> values) {
        return of(table, new GridRow(values, List.of(), List.of()));
    }

    /** Empty fields for a new row. */
    static List<FieldRow> empty(TableDescription table) {
        List<FieldRow> fields = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            fields.add(new FieldRow(new EntityField(column.name(), column.name(), label(column), null, !column.generated(), null)));
        }
        return fields;
    }

    /** What the user changed, by column (for a new row: every filled field). */
    static Map<String, String> changes(List<FieldRow> fields) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (FieldRow f : fields) {
            if (f.changed()) {
                changed.put(f.field().column(), f.textProperty().get());
            }
        }
        return changed;
    }

    /** The values the user read of the columns they changed (null for NULL): the optimistic check of the UPDATE. */
    static Map<String, String> read(List<FieldRow> fields) {
        Map<String, String> read = new LinkedHashMap<>();
        for (FieldRow f : fields) {
            if (f.changed()) {
                read.put(f.field().column(), f.field().value());
            }
        }
        return read;
    }

    /** Every column's value as it was loaded into the form (null for NULL): the optimistic check of a DELETE. */
    static Map<String, String> loaded(List<FieldRow> fields) {
        Map<String, String> read = new LinkedHashMap<>();
        fields.forEach(f -> read.put(f.field().column(), f.field().value()));
        return read;
    }

    /** The same fields with the values they were loaded with (after a refusal: what the database still has). */
    static List<FieldRow> reset(List<FieldRow> fields) {
        return fields.stream().map(f -> new FieldRow(f.field())).toList();
    }

    private static String label(TableColumn column) {
        return column.type() + (column.generated() ? " (filled by the server)" : column.defaultValue() != null
                ? " (default " + column.defaultValue() + ")" : column.nullable() ? " (empty: NULL)" : "");
    }
}
