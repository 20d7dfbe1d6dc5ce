package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The app's statement count must equal what PostgreSQL itself executed, as recorded by the
 * server's pg_stat_statements: a mixed JDBC workload with auto-commit, a batch, transactions
 * committed and rolled back, savepoints and a failing statement.
 */
class StatementCountMatchesServerTest {

    private SqlDatabase database;
    private CountWindow window;
    private List<CapturedStatement> seen;

    @BeforeEach
    void listen() throws SQLException {
        database = TestEngines.sql().database();
        window = CountWindow.open();
        seen = window.seen();
    }

    @AfterEach
    void stopListening() {
        window.close();
    }

    @Test
    void everyStatementOfAMixedJdbcWorkloadIsCountedExactlyOnce() throws SQLException {
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS count_check");
                s.execute("DROP TABLE IF EXISTS count_check.item");
                s.execute("CREATE TABLE count_check.item (id int PRIMARY KEY, label text NOT NULL)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO count_check.item VALUES (?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "item " + i);
                    insert.executeUpdate();
                }
                for (int i = 6; i <= 15; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "batch " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT label FROM count_check.item WHERE id = ?")) {
                for (int i = 1; i <= 3; i++) {
                    select.setInt(1, i);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }

            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE count_check.item SET label = 'changed' WHERE id = 1");
                c.commit();
                s.executeUpdate("DELETE FROM count_check.item WHERE id = 2");
                c.rollback();
                s.executeUpdate("UPDATE count_check.item SET label = 'in savepoint' WHERE id = 3");
                Savepoint savepoint = c.setSavepoint("before_delete");
                s.executeUpdate("DELETE FROM count_check.item WHERE id = 3");
                c.rollback(savepoint);
                c.releaseSavepoint(savepoint);
                c.commit();
                c.commit(); // nothing open: the driver sends nothing, and nothing is counted
            } finally {
                c.setAutoCommit(true);
            }

            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELEC broken")).isInstanceOf(SQLException.class);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM count_check.item")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(15);
                }
            }
        }

        window.assertAppCountMatches();
        assertThat(seen).anyMatch(s -> !s.succeeded() && s.text().contains("SELEC broken"));
        assertThat(seen).filteredOn(s -> s.kind() == StatementKind.TX).extracting(CapturedStatement::text)
                .contains("BEGIN", "COMMIT", "ROLLBACK", "ROLLBACK TO SAVEPOINT \"before_delete\"");
        assertThat(seen).filteredOn(s -> s.batchSize() == 10).hasSize(1);
    }
}
