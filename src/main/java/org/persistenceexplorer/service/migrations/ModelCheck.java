package org.persistenceexplorer.service.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.persistenceexplorer.domain.schema.ColumnShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * Whether a Hibernate model matches a schema, and what differs, in plain words: what Hibernate's
 * schema validation checks (every mapped table and column exists with a compatible type) plus
 * notes it does not make (columns the model does not map, nullability). Computed from the model's
 * mapping and a catalog snapshot. Immutable.
 *
 * @param matches      true when every mapped table and column exists with the model's type
 * @param differences  what breaks the model (missing tables and columns, other types), one line each
 * @param notes        what does not break it but is worth knowing (unmapped columns, nullability)
 * @param renames      dropped-and-added columns of one table with the same type: likely renames
 */
public record ModelCheck(String modelName, String schema, boolean matches, List<String> differences,
                         List<String> notes, List<RenameGuess> renames) {

    public ModelCheck {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
        renames = List.copyOf(renames);
    }

    /** One line: "The model matches schema hr." or "... does not match ...: 2 differences". */
    public String verdict() {
        if (matches) {
            return "The " + modelName + " matches schema " + schema + (notes.isEmpty() ? "." : " (" + notes.size() + " notes).");
        }
        return "The " + modelName + " does not match schema " + schema + ": " + differences.size()
                + (differences.size() == 1 ? " difference." : " differences.");
    }

    /** Compares the model's tables ({@code model}) with the schema's ({@code live}). */
    static ModelCheck of(String modelName, String schema, SchemaSnapshot model, SchemaSnapshot live) {
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<RenameGuess> renames = new ArrayList<>();
        for (TableShape mapped : model.tables()) {
            Optional<TableShape> found = live.table(mapped.name());
            if (found.isEmpty()) {
                differences.add("Table " + mapped.name() + " is in the model (" + mapped.columns().size()
                        + " columns) but not in the schema.");
                continue;
            }
            TableShape table = found.get();
            List<ColumnShape> missing = new ArrayList<>();
            for (ColumnShape column : mapped.columns()) {
                Optional<ColumnShape> there = table.column(column.name());
                if (there.isEmpty()) {
                    missing.add(column);
                    differences.add("Column " + mapped.name() + "." + column.name() + " (" + column.type()
                            + ") is in the model but not in the schema.");
                } else if (!sameType(column.type(), there.get().type())) {
                    differences.add("Column " + mapped.name() + "." + column.name() + " is " + column.type()
                            + " in the model but " + there.get().type() + " in the schema.");
                } else if (column.notNull() != there.get().notNull()) {
                    notes.add("Column " + mapped.name() + "." + column.name() + (column.notNull()
                            ? " is not null in the model but the schema allows null."
                            : " allows null in the model but the schema says not null: saving a null fails."));
                }
            }
            List<ColumnShape> unmapped = table.columns().stream()
                    .filter(c -> mapped.column(c.name()).isEmpty()).toList();
            for (ColumnShape column : unmapped) {
                boolean blocksInserts = column.notNull() && column.defaultValue() == null;
                notes.add("Column " + table.name() + "." + column.name() + " (" + column.type()
                        + ") is in the schema but the model does not map it"
                        + (blocksInserts ? "; it is not null without a default, so inserting through the model fails." : "."));
            }
            List<ColumnShape> unpaired = new ArrayList<>(unmapped);
            for (ColumnShape added : missing) {
                unpaired.stream().filter(old -> sameType(added.type(), old.type())).findFirst().ifPresent(old -> {
                    unpaired.remove(old);
                    renames.add(new RenameGuess(table.name(), old.name(), added.name(), old.type()));
                });
            }
        }
        return new ModelCheck(modelName, schema, differences.isEmpty(), differences, notes, renames);
    }

    /** The model's and the catalog's name for a type, compared in one vocabulary. */
    static boolean sameType(String modelType, String catalogType) {
        return normal(modelType).equals(normal(catalogType));
    }

    private static String normal(String type) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace(", ", ",").strip();
        t = t.replace("character varying", "varchar").replace("timestamp(6)", "timestamp").replace("time(6)", "time")
                .replace("float(53)", "double precision").replace("float(24)", "real");
        // PostgreSQL's catalog says character(n) for char(n), and character / bpchar for char(1)
        t = t.replaceFirst("^(character|bpchar)(\\(|$)", "char$2");
        if (t.equals("char")) {
            t = "char(1)";
        }
        return switch (t) {
            case "int4", "int" -> "integer";
            case "int8" -> "bigint";
            case "int2" -> "smallint";
            case "bool" -> "boolean";
            case "timestamptz" -> "timestamp with time zone";
            case "timestamp" -> "timestamp without time zone";
            default -> t;
        };
    }
}
