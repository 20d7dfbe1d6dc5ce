package org.persistenceexplorer.domain.console;

import java.util.List;
import java.util.Locale;

/**
 * The names the SQL editor completes: every user table and view with its columns, as the
 * server's catalog had them when read. Immutable.
 *
 * @param tables tables and views, by schema then name
 */
public record CatalogNames(List<Table> tables) {

    public static final CatalogNames EMPTY = new CatalogNames(List.of());

    public CatalogNames {
        tables = List.copyOf(tables);
    }

    /** A table or view: its schema, whether that schema is on the search path (usable unqualified), its columns. */
    public record Table(String schema, String name, boolean onSearchPath, String kind, List<ColumnName> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** A column and its type as the server writes it ({@code character varying(120)}). */
    public record ColumnName(String name, String type) {
    }

    /** The schemas that hold at least one table or view, in order, each once. */
    public List<String> schemas() {
        return tables.stream().map(Table::schema).distinct().toList();
    }

    /** Tables of a schema (any case), or none. */
    public List<Table> tablesOf(String schema) {
        return tables.stream().filter(t -> t.schema().equalsIgnoreCase(schema)).toList();
    }

    /**
     * The table a name in a statement means: {@code schema.table}, or a bare name found first on
     * the search path, then in any schema. Null when unknown.
     */
    public Table find(String schema, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Table elsewhere = null;
        for (Table t : tables) {
            if (!t.name().equalsIgnoreCase(n)) {
                continue;
            }
            if (schema != null) {
                if (t.schema().equalsIgnoreCase(schema)) {
                    return t;
                }
            } else if (t.onSearchPath()) {
                return t;
            } else if (elsewhere == null) {
                elsewhere = t;
            }
        }
        return schema == null ? elsewhere : null;
    }
}
