package org.persistenceexplorer.service.txlab;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * Hermitage's table {@code test (id int primary key, value int)} with rows (1, 10) and (2, 20),
 * in the lab's own schema, put back before every script and read after it (on the app's pool).
 * Blocking; thread-safe.
 */
final class TestTable {

    private final Supplier<DataSource> dataSource;
    private final String schema;

    TestTable(Supplier<DataSource> dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    void reset() {
        try (WorkContext.Scope ignored = WorkContext.enter("txlab: set up the test table");
             Connection c = dataSource.get().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema + "; CREATE TABLE IF NOT EXISTS " + schema
                    + ".test (id int PRIMARY KEY, value int); TRUNCATE " + schema + ".test; INSERT INTO " + schema
                    + ".test (id, value) VALUES (1, 10), (2, 20)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the test table: " + LabErrors.firstLine(e.getMessage()), e);
        }
    }

    Map<Integer, Integer> rows() {
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        try (WorkContext.Scope ignored = WorkContext.enter("txlab: read the test table");
             Connection c = dataSource.get().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, value FROM " + schema + ".test ORDER BY id")) {
            while (r.next()) {
                rows.put(r.getInt(1), r.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the test table: " + LabErrors.firstLine(e.getMessage()), e);
        }
        return rows;
    }
}
