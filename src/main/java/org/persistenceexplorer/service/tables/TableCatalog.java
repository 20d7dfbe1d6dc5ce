package org.persistenceexplorer.service.tables;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Reads the database's catalog with SQL on {@code pg_catalog} through the captured pool, so
 * every read shows in the statement log (pgjdbc's DatabaseMetaData would bypass the capture,
 * decision 0003). Blocking; call off the FX thread. Thread-safe.
 */
public final class TableCatalog {

    /** Tables up to this estimate get an exact count when described (one cheap count(*)). */
    static final long EXACT_COUNT_BELOW = 200_000;
    /** ... and so do never-analysed tables (no estimate) up to this size on disk. */
    static final long EXACT_COUNT_BELOW_BYTES = 16L * 1024 * 1024;

    private static final String SYSTEM_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    private final Supplier<DataSource> dataSource;

    /** @param dataSource the captured pool (asked for at each call: the engine starts later) */
    public TableCatalog(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** The schemas a user can browse: every schema but PostgreSQL's own, by name. */
    public List<String> schemas() throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM_SCHEMAS
                     + " ORDER BY n.nspname")) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        }
    }

    /** The tables of every browsable schema, by schema and name, with the planner's row estimate. */
    public List<TableSummary> tables() throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.nspname, c.relname, c.reltuples::bigint, "
                     + "EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p') "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + SYSTEM_SCHEMAS
                     + " ORDER BY n.nspname, c.relname")) {
            List<TableSummary> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tables.add(new TableSummary(new TableRef(r.getString(1), r.getString(2)), r.getLong(3), r.getBoolean(4)));
                }
            }
            return tables;
        }
    }

    /**
     * Columns, constraints, indexes and incoming foreign keys of one table; the row count is
     * exact for small tables and the planner's estimate for big ones ({@link #exactCount} on demand).
     *
     * @throws TableProblem when the table does not exist (any more)
     */
    public TableDescription describe(TableRef table) throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            long[] size = oidAndEstimate(c, table);
            long oid = size[0];
            List<TableColumn> columns = columns(c, oid);
            List<TableConstraint> constraints = constraints(c, "con.conrelid = ?", oid);
            List<TableConstraint> referencedBy = constraints(c, "con.confrelid = ? AND con.contype = 'f'", oid);
            List<TableIndex> indexes = indexes(c, oid);
            long estimate = size[1];
            TableDescription description = new TableDescription(table, columns, constraints, indexes, referencedBy,
                    estimate, false);
            if (estimate >= 0 ? estimate < EXACT_COUNT_BELOW : size[2] < EXACT_COUNT_BELOW_BYTES) {
                description = description.withExactRows(count(c, table));
            }
            return description;
        }
    }

    /** The exact row count (a full count(*): slow on big tables). */
    public long exactCount(TableRef table) throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            return count(c, table);
        }
    }

    private static long count(Connection c, TableRef table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table.quoted());
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw TableProblem.ifGone(e, table);
        }
    }

    private static long[] oidAndEstimate(Connection c, TableRef table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT c.oid::bigint, c.reltuples::bigint, pg_relation_size(c.oid) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? "
                + "AND c.relkind IN ('r', 'p')")) {
            s.setString(1, table.schema());
            s.setString(2, table.name());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw TableProblem.gone(table);
                }
                return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
            }
        }
    }

    private static List<TableColumn> columns(Connection c, long oid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                + "NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '' OR a.attgenerated <> '' "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            s.setLong(1, oid);
            List<TableColumn> columns = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(new TableColumn(r.getString(1), r.getString(2), r.getBoolean(3), r.getString(4), r.getBoolean(5)));
                }
            }
            return columns;
        }
    }

    private static List<TableConstraint> constraints(Connection c, String where, long oid) throws SQLException {
        String names = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY k(num, pos) "
                + "JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.pos)";
        try (PreparedStatement s = c.prepareStatement("SELECT con.conname, con.contype, pg_get_constraintdef(con.oid), "
                + String.format(names, "con.conkey", "con.conrelid") + ", tn.nspname, t.relname, fn.nspname, f.relname, "
                + String.format(names, "con.confkey", "con.confrelid") + ", con.confdeltype "
                + "FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                + "LEFT JOIN pg_class f ON f.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace "
                + "WHERE " + where + " AND con.contype IN ('p', 'f', 'u', 'c', 'x') "
                + "ORDER BY position(con.contype IN 'pufcx'), con.conname")) {
            s.setLong(1, oid);
            List<TableConstraint> constraints = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String foreignTable = r.getString(8);
                    constraints.add(new TableConstraint(TableConstraint.Kind.of(r.getString(2)), r.getString(1),
                            new TableRef(r.getString(5), r.getString(6)), strings(r.getArray(4)), r.getString(3),
                            foreignTable == null ? null : new TableRef(r.getString(7), foreignTable),
                            strings(r.getArray(9)), onDelete(r.getString(10))));
                }
            }
            return constraints;
        }
    }

    private static String onDelete(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return switch (code) {
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            case "r" -> "restrict";
            default -> "no action";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static List<TableIndex> indexes(Connection c, long oid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, "
                + "x.indisprimary FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ? "
                + "ORDER BY x.indisprimary DESC, i.relname")) {
            s.setLong(1, oid);
            List<TableIndex> indexes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    indexes.add(new TableIndex(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4)));
                }
            }
            return indexes;
        }
    }
}
