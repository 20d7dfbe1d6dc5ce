package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Flyway through {@link Migrations} runs its history-table queries as named server-side
 * statements after five runs ({@link PlannedOnce}), and the app's count still equals what
 * pg_stat_statements counted: every run of a named query is counted by the server, and the
 * utility statements (COMMIT, SET ROLE, the scripts' DDL) stay unnamed.
 */
class MigrationCountMatchesServerTest {

    private static final String SCHEMA = "count_migrations";
    private CountWindow window;

    @BeforeEach
    void listen() throws SQLException {
        drop();
        window = CountWindow.open();
    }

    @AfterEach
    void stopListening() throws SQLException {
        window.close();
        drop();
    }

    @Test
    void aMigrationOfTwelveScriptsIsCountedAsTheServerCountsIt(@TempDir Path folder) throws Exception {
        for (int v = 1; v <= 12; v++) {
            Files.writeString(folder.resolve("V" + v + "__table_" + v + ".sql"),
                    "CREATE TABLE t" + v + " (id int PRIMARY KEY);\nINSERT INTO t" + v + " VALUES (" + v + ");\n");
        }
        Migrations migrations = new Migrations(TestEngines.sql().database().dataSource());

        assertThat(migrations.migrate(MigrationTrack.folder("count", folder, SCHEMA)).currentVersion()).isEqualTo("12");

        window.assertAppCountMatches();
        // The same history queries ran more than five times on a connection, so some were named.
        assertThat(namedStatementsSeenByTheServer()).isTrue();
    }

    @Test
    void onlyQueriesArePlannedOnce() {
        assertThat(PlannedOnce.plannable("SELECT 1")).isTrue();
        assertThat(PlannedOnce.plannable("/* flyway */ -- x\n  insert into t values (1)")).isTrue();
        assertThat(PlannedOnce.plannable("(select 1) union (select 2)")).isTrue();
        assertThat(PlannedOnce.plannable("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x")).isTrue();
        assertThat(PlannedOnce.plannable("COMMIT")).isFalse();
        assertThat(PlannedOnce.plannable("SET ROLE 'postgres'")).isFalse();
        assertThat(PlannedOnce.plannable("CREATE TABLE selected (id int)")).isFalse();
        assertThat(PlannedOnce.plannable("selectx")).isFalse();
        assertThat(PlannedOnce.plannable("/* unterminated")).isFalse();
        assertThat(PlannedOnce.plannable("")).isFalse();
    }

    @Test
    void aPreparedQueryIsNamedAfterFiveRunsAndAUtilityStatementNever() throws SQLException {
        try (Connection c = PlannedOnce.over(TestEngines.sql().database().dataSource()).getConnection();
             PreparedStatement query = c.prepareStatement("SELECT ?::int");
             PreparedStatement utility = c.prepareStatement("SET application_name = 'persistence-explorer'")) {
            assertThat(PlannedOnce.thresholdOf(query)).isEqualTo(PlannedOnce.THRESHOLD);
            assertThat(PlannedOnce.thresholdOf(utility)).isZero();
        }
    }

    /** pgjdbc names its statements S_n; the server lists a session's named statements in pg_prepared_statements. */
    private static boolean namedStatementsSeenByTheServer() throws SQLException {
        // Another session cannot see them: hold every pooled connection that exists at once and ask on each.
        SqlDatabase database = TestEngines.sql().database();
        java.util.List<Connection> held = new java.util.ArrayList<>();
        try {
            int total = database.poolSnapshot().total();
            boolean named = false;
            for (int i = 0; i < total; i++) {
                Connection c = database.connection();
                held.add(c);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_prepared_statements WHERE statement ILIKE '%flyway_schema_history%'")) {
                    rs.next();
                    named |= rs.getLong(1) > 0;
                }
            }
            return named;
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    private static void drop() throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
