package org.persistenceexplorer.store.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.schema.ColumnShape;
import org.persistenceexplorer.domain.schema.ConstraintShape;
import org.persistenceexplorer.domain.schema.IndexShape;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.domain.schema.TableShape;

/**
 * Reads a schema's shape from pg_catalog with plain SQL through the captured pool (never
 * pgjdbc's DatabaseMetaData, whose queries bypass the capture): four queries in one read-only
 * transaction with the schema first on the search path, so the catalog's functions print names
 * unqualified. Flyway's history table is left out. Blocking; call off the FX thread.
 */
public final class CatalogSnapshots {

    private static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ?""";

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ? AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid), r.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = con.confrelid
            WHERE n.nspname = ? AND c.relname <> ? AND con.contype IN ('p', 'f', 'u', 'c', 'x')""";

    private static final String INDEXES = """
            SELECT t.relname, i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ? AND t.relname <> ?
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid)""";

    private final DataSource dataSource;

    public CatalogSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The schema's shape now; an absent schema is {@link SchemaSnapshot#EMPTY}. */
    public SchemaSnapshot read(String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + SqlNames.quote(schema));
                }
                return read(connection, schema);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Reads on a connection whose transaction has the schema first on its search path. */
    static SchemaSnapshot read(Connection connection, String schema) throws SQLException {
        Map<String, List<ColumnShape>> columns = new LinkedHashMap<>();
        Map<String, List<ConstraintShape>> constraints = new LinkedHashMap<>();
        Map<String, List<IndexShape>> indexes = new LinkedHashMap<>();
        for (String table : query(connection, TABLES, schema, rs -> rs.getString(1))) {
            columns.put(table, new ArrayList<>());
            constraints.put(table, new ArrayList<>());
            indexes.put(table, new ArrayList<>());
        }
        for (Row<ColumnShape> row : query(connection, COLUMNS, schema, rs -> new Row<>(rs.getString(1), column(rs)))) {
            columns.get(row.table()).add(row.value());
        }
        for (Row<ConstraintShape> row : query(connection, CONSTRAINTS, schema, rs -> new Row<>(rs.getString(1), constraint(rs)))) {
            constraints.get(row.table()).add(row.value());
        }
        for (Row<IndexShape> row : query(connection, INDEXES, schema,
                rs -> new Row<>(rs.getString(1), new IndexShape(rs.getString(2), unqualified(rs.getString(3), schema))))) {
            indexes.get(row.table()).add(row.value());
        }
        List<TableShape> tables = new ArrayList<>();
        columns.forEach((table, cols) -> tables.add(new TableShape(table, cols, constraints.get(table), indexes.get(table))));
        return new SchemaSnapshot(tables);
    }

    /** pg_get_indexdef names the table with its schema whatever the search path says. */
    private static String unqualified(String definition, String schema) {
        return definition.replace(" ON " + schema + ".", " ON ").replace(" ON " + SqlNames.quote(schema) + ".", " ON ")
                .replace(" ON ONLY " + schema + ".", " ON ONLY ");
    }

    private static ColumnShape column(ResultSet rs) throws SQLException {
        String identity = rs.getString(6);
        String defaultValue = identity != null && !identity.isEmpty()
                ? ("a".equals(identity) ? "generated always as identity" : "generated by default as identity")
                : rs.getString(5);
        return new ColumnShape(rs.getString(2), rs.getString(3), rs.getBoolean(4), defaultValue);
    }

    private static ConstraintShape constraint(ResultSet rs) throws SQLException {
        ConstraintShape.Kind kind = switch (rs.getString(3)) {
            case "p" -> ConstraintShape.Kind.PRIMARY_KEY;
            case "f" -> ConstraintShape.Kind.FOREIGN_KEY;
            case "u" -> ConstraintShape.Kind.UNIQUE;
            case "c" -> ConstraintShape.Kind.CHECK;
            default -> ConstraintShape.Kind.EXCLUSION;
        };
        Array array = rs.getArray(6);
        List<String> cols = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
        return new ConstraintShape(rs.getString(2), kind, rs.getString(4), cols, rs.getString(5));
    }

    private static <T> List<T> query(Connection connection, String sql, String schema, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, HISTORY_TABLE);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private record Row<T>(String table, T value) {
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
