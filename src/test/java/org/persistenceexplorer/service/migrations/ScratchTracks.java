package org.persistenceexplorer.service.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The migration tracks on the shared test server, each in schemas of a unique prefix, so tests
 * never touch the hr schema other tests read; {@link #close()} drops them all.
 */
final class ScratchTracks implements AutoCloseable {

    final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    final MigrationTracks tracks = new MigrationTracks(ScratchTracks::dataSource, prefix);

    static DataSource dataSource() {
        return TestEngines.sql().database().dataSource();
    }

    /** A single value from SQL, as text. */
    static String query(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        for (String schema : schemas) {
            execute("DROP SCHEMA \"" + schema + "\" CASCADE");
        }
    }
}
