package org.persistenceexplorer.ui.tables;

import java.util.stream.Collectors;
import org.persistenceexplorer.service.tables.TableColumn;
import org.persistenceexplorer.service.tables.TableConstraint;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableIndex;

/** A table's structure as the Structure tab shows it: columns, constraints, indexes, incoming keys. */
final class StructureText {

    private StructureText() {
    }

    static String of(TableDescription t) {
        StringBuilder s = new StringBuilder();
        s.append(t.ref()).append(" — ").append(t.exactRows() ? String.format("%,d rows", t.rows())
                : t.rows() < 0 ? "row count unknown (never analysed): use Exact count"
                : String.format("about %,d rows (planner's estimate; Exact count counts them)", t.rows())).append("\n\n");
        s.append("Columns\n");
        int width = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (TableColumn c : t.columns()) {
            s.append(String.format("  %-" + width + "s  %-28s %s%s%s%n", c.name(), c.type(), c.nullable() ? "null    " : "not null",
                    c.defaultValue() == null ? "" : "  default " + c.defaultValue(), c.generated() ? "  (generated)" : ""));
        }
        s.append("\nConstraints\n");
        if (t.constraints().isEmpty()) {
            s.append("  none\n");
        }
        for (TableConstraint c : t.constraints()) {
            s.append("  ").append(c.kind().label()).append("  ").append(c.name()).append(": ").append(c.definition());
            if (c.kind() == TableConstraint.Kind.FOREIGN_KEY) {
                s.append("  (on delete ").append(c.onDelete()).append(")");
            }
            s.append('\n');
        }
        s.append("\nIndexes\n");
        for (TableIndex i : t.indexes()) {
            s.append("  ").append(i.definition()).append('\n');
        }
        if (t.indexes().isEmpty()) {
            s.append("  none\n");
        }
        s.append("\nReferenced by\n");
        if (t.referencedBy().isEmpty()) {
            s.append("  nothing\n");
        }
        for (TableConstraint c : t.referencedBy()) {
            s.append("  ").append(c.table()).append(" (").append(String.join(", ", c.columns())).append(") via ")
                    .append(c.name()).append(", on delete ").append(c.onDelete()).append('\n');
        }
        return s.toString();
    }

    /** One line per constraint of a column, for a header tooltip. */
    static String column(TableDescription t, TableColumn c) {
        String constraints = t.constraints().stream().filter(k -> k.columns().contains(c.name()))
                .map(k -> k.kind().label() + " " + k.name()).collect(Collectors.joining("\n"));
        return c.type() + (c.nullable() ? "" : ", not null") + (c.defaultValue() == null ? "" : ", default " + c.defaultValue())
                + (constraints.isEmpty() ? "" : "\n" + constraints);
    }
}
