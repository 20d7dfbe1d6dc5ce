package org.persistenceexplorer.service.tables;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.persistenceexplorer.testsupport.TestEngines;

/** A schema of a test's own on the shared test server, dropped and made anew: the hr data stays untouched. */
final class ScratchSchema {

    private ScratchSchema() {
    }

    static DataSource dataSource() {
        return TestEngines.sql().database().dataSource();
    }

    static void recreate(String schema, String... statements) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    static void run(String... statements) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
