package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The cases where the app's count once differed from the server's (issue 6), each compared with
 * pg_stat_statements over the same window: connection setup on a fresh pool, strings of several
 * statements, failing batches, savepoints and schema calls that open a transaction, statements
 * the driver refuses before sending, statements with nothing to run, and statements JDBC
 * reports as failed although the server ran them. Uses its own schema.
 */
class ExactCountTest {

    private SqlDatabase database;
    private CountWindow window;
    private List<CapturedStatement> seen;

    @BeforeEach
    void listen() throws SQLException {
        database = TestEngines.sql().database();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS exact");
            s.execute("CREATE TABLE IF NOT EXISTS exact.item (id int PRIMARY KEY, label text)");
            s.execute("TRUNCATE exact.item");
        }
        window = CountWindow.open();
        seen = window.seen();
    }

    @AfterEach
    void stopListening() {
        window.close();
    }

    @Test
    void aFreshPoolsConnectionSetupAndCatalogAndClientInfoCallsAreCounted() throws SQLException {
        StatementRecorder own = new StatementRecorder();
        own.addListener(window.listener());
        try (SqlDatabase fresh = SqlDatabase.open(TestEngines.sql().server().endpoint(), own);
             Connection c = fresh.connection()) {
            assertThat(c.getCatalog()).isEqualTo("postgres");
            assertThat(c.getCatalog()).as("cached by the driver: sent once").isEqualTo("postgres");
            c.setClientInfo("ApplicationName", "exact count check");
            c.setClientInfo("ApplicationName", "exact count check");
            c.setClientInfo("ApplicationName", "Persistence Explorer");
            assertThat(c.getSchema()).isEqualTo("public");
            c.getTransactionIsolation();
        }
        assertCountsMatch();
        assertThat(texts()).contains("select current_catalog", "SET application_name = 'exact count check'");
    }

    @Test
    void eachStatementOfAStringOfSeveralIsCounted() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("select 1; select 2");
            try (PreparedStatement p = c.prepareStatement("select 1; select 2 /* ; */; -- end\n")) {
                p.execute();
            }
            c.setAutoCommit(false);
            s.execute("select 3; select 4");
            c.commit();
            c.setAutoCommit(true);
        }
        assertCountsMatch();
        assertThat(texts()).contains("select 1", "select 2", "BEGIN", "COMMIT");
    }

    @Test
    void aFailingBatchCountsTheRowsTheServerRanBeforeTheFailingOne() throws SQLException {
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO exact.item VALUES (6, 'taken')");
            }
            insertTenFailingAtRowSix(c);
            c.setAutoCommit(false);
            insertTenFailingAtRowSix(c);
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.addBatch("INSERT INTO exact.item VALUES (100, 'a')");
                s.addBatch("INSERT INTO exact.item VALUES (6, 'b')");
                s.addBatch("INSERT INTO exact.item VALUES (101, 'c')");
                assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class);
            }
        }
        assertCountsMatch();
        assertThat(seen).filteredOn(s -> s.succeeded() && s.batchSize() == 5).hasSize(2);
    }

    @Test
    void aLongBatchFailingPastEntryAThousandIsCountedToo() throws SQLException {
        // pgjdbc formats the failing entry's number for the locale ("Batch entry 1,233 ..."), and
        // in a transaction it reports every count as failed: only its message tells how far the server got.
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO exact.item VALUES (1234, 'taken')");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO exact.item VALUES (?, ?)")) {
                for (int i = 1; i <= 1_500; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i);
                    insert.addBatch();
                }
                assertThatThrownBy(insert::executeBatch).isInstanceOf(BatchUpdateException.class);
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        assertCountsMatch();
        assertThat(seen).filteredOn(s -> s.succeeded() && s.batchSize() == 1_233).hasSize(1);
    }

    private static void insertTenFailingAtRowSix(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO exact.item VALUES (?, ?)")) {
            for (int i = 1; i <= 10; i++) {
                insert.setInt(1, i);
                insert.setString(2, "row " + i);
                insert.addBatch();
            }
            assertThatThrownBy(insert::executeBatch).isInstanceOf(BatchUpdateException.class);
        }
    }

    @Test
    void connectionMethodsThatOpenTheTransactionCountItsBeginWithTheirOwnWords() throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setSavepoint("a");
            c.rollback();
            assertThat(c.getSchema()).isEqualTo("public");
            c.rollback();
            c.setSchema("exact");
            c.commit();
            c.setSchema(null);
            c.commit();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setReadOnly(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM exact.item")) {
                rs.next();
            }
            c.commit();
            c.setReadOnly(false);
            c.setAutoCommit(true);
        }
        assertCountsMatch();
        assertThat(texts()).contains("SAVEPOINT \"a\"", "BEGIN READ ONLY",
                "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                "SET SESSION search_path TO 'exact'");
    }

    @Test
    void aStatementTheDriverRefusesBeforeSendingCountsNoBegin() throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT ?::int")) {
                assertThatThrownBy(p::executeQuery).isInstanceOf(SQLException.class);
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        assertCountsMatch();
        assertThat(texts()).doesNotContain("BEGIN");
    }

    @Test
    void statementsWithNothingToRunAreNotCounted() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute(";");
            s.execute("/* only a comment */");
            s.execute("-- only a comment");
            s.executeBatch();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO exact.item VALUES (?, ?)")) {
                p.executeBatch();
            }
        }
        assertCountsMatch();
        assertThat(seen).filteredOn(s -> !ServerStatementCount.ACTION.equals(s.action())).isEmpty();
    }

    @Test
    void theDriversOwnTypeLookupsForEnumsAndDomainsAreCounted() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS exact.feeling");
            s.execute("DROP TYPE IF EXISTS exact.mood");
            s.execute("DROP DOMAIN IF EXISTS exact.positive");
            s.execute("CREATE TYPE exact.mood AS ENUM ('calm', 'keen')");
            s.execute("CREATE DOMAIN exact.positive AS int CHECK (VALUE > 0)");
            s.execute("CREATE TABLE exact.feeling (m exact.mood, p exact.positive)");
            s.execute("INSERT INTO exact.feeling VALUES ('keen', 3)");
        }
        // A fresh pool: pgjdbc caches what it learnt per physical connection.
        StatementRecorder own = new StatementRecorder();
        own.addListener(window.listener());
        try (SqlDatabase fresh = SqlDatabase.open(TestEngines.sql().server().endpoint(), own);
             Connection c = fresh.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m, p FROM exact.feeling")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("\"exact\".\"mood\"");
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(java.sql.Types.VARCHAR);
            // The server describes a domain's column by its base type: no lookup for that one.
            assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(java.sql.Types.INTEGER);
            assertThat(rs.getObject(1)).hasToString("keen");
        }
        assertCountsMatch();
        assertThat(seen).filteredOn(st -> st.text().contains("pg_catalog.pg_type")).isNotEmpty()
                .allSatisfy(st -> assertThat(st.succeeded()).isTrue());
    }

    @Test
    void aStatementTheServerRanIsASuccessEvenWhenJdbcComplainsAfterwards() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("INSERT INTO exact.item VALUES (1, 'ran')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("SELECT 1")).isInstanceOf(SQLException.class);
            try (ResultSet rs = s.executeQuery("SELECT label FROM exact.item WHERE id = 1")) {
                assertThat(rs.next()).as("the INSERT was committed").isTrue();
            }
        }
        assertCountsMatch();
        assertThat(seen).filteredOn(s -> s.text().startsWith("INSERT")).singleElement()
                .extracting(CapturedStatement::succeeded).isEqualTo(true);
    }

    private List<String> texts() {
        return seen.stream().map(CapturedStatement::text).toList();
    }

    private void assertCountsMatch() throws SQLException {
        window.assertAppCountMatches();
    }
}
