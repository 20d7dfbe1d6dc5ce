package org.persistenceexplorer.service.console;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.console.CatalogNames;

/**
 * The names the SQL editor completes, read from {@code pg_catalog} with one statement through
 * the captured pool (so the log shows it under the calling work's action) and kept until a DDL
 * statement runs in the console, {@link #invalidate()} is called or 30 s have passed (DDL elsewhere). Never DatabaseMetaData (its
 * queries bypass the capture). Thread-safe; {@link #names()} blocks while it reads: call it off
 * the FX thread.
 */
public final class ConsoleCatalog {

    /** More names than a popup can use; a catalog this large is cut (tables in name order). */
    static final int MAX_ROWS = 50_000;
    static final String QUERY = """
            SELECT n.nspname, c.relname, c.relkind, n.nspname = ANY (current_schemas(false)) AS on_path,
                   a.attname, format_type(a.atttypid, a.atttypmod)
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY n.nspname, c.relname, a.attnum""";

    /** Names older than this are read again: DDL elsewhere (the Migrations tab, psql) shows within it. */
    static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final Supplier<DataSource> dataSource;
    private CatalogNames cached;
    private long readAt;
    private long generation;

    public ConsoleCatalog(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** The catalog's names: the cached ones, or read now (one statement) when there are none. */
    public CatalogNames names() throws SQLException {
        long readFor;
        synchronized (this) {
            if (cached != null && System.nanoTime() - readAt < MAX_AGE_NANOS) {
                return cached;
            }
            readFor = generation;
        }
        CatalogNames read = read();
        synchronized (this) {
            if (generation == readFor) { // a DDL statement during the read: keep nothing, read again next time
                cached = read;
                readAt = System.nanoTime();
            }
        }
        return read;
    }

    /** Forgets the names: the next {@link #names()} reads the catalog again (after DDL). */
    public synchronized void invalidate() {
        cached = null;
        generation++;
    }

    private CatalogNames read() throws SQLException {
        List<CatalogNames.Table> tables = new ArrayList<>();
        try (Connection c = dataSource.get().getConnection(); Statement s = c.createStatement()) {
            s.setMaxRows(MAX_ROWS);
            try (ResultSet rs = s.executeQuery(QUERY)) {
                String schema = null;
                String name = null;
                String kind = null;
                boolean onPath = false;
                List<CatalogNames.ColumnName> columns = new ArrayList<>();
                while (rs.next()) {
                    String rowSchema = rs.getString(1);
                    String rowName = rs.getString(2);
                    if (!rowSchema.equals(schema) || !rowName.equals(name)) {
                        if (name != null) {
                            tables.add(new CatalogNames.Table(schema, name, onPath, kind, columns));
                        }
                        schema = rowSchema;
                        name = rowName;
                        kind = kindOf(rs.getString(3));
                        onPath = rs.getBoolean(4);
                        columns = new ArrayList<>();
                    }
                    if (rs.getString(5) != null) {
                        columns.add(new CatalogNames.ColumnName(rs.getString(5), rs.getString(6)));
                    }
                }
                if (name != null) {
                    tables.add(new CatalogNames.Table(schema, name, onPath, kind, columns));
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return new CatalogNames(tables);
    }

    private static String kindOf(String relkind) {
        return switch (relkind) {
            case "v" -> "view";
            case "m" -> "materialized view";
            case "f" -> "foreign table";
            default -> "table";
        };
    }
}
