package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.Employee;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Rows for SELECT: the record of a query is completed with the rows the application read, as it
 * reads them, whether it reads to the end, stops early, fetches through a cursor or lets
 * Hibernate read; and a cursor fetch that fails part-way ends up an error with its SQLState,
 * which the server does not count either (checked against pg_stat_statements).
 */
class SelectRowsTest {

    private SqlDatabase database;
    private CountWindow window;
    private StatementLog log;

    @BeforeEach
    void listen() throws SQLException {
        database = TestEngines.sql().database();
        window = CountWindow.open();
        log = new StatementLog();
        TestEngines.sql().recorder().addListener(log);
    }

    @AfterEach
    void stopListening() {
        TestEngines.sql().recorder().removeListener(log);
        window.close();
    }

    @Test
    void aResultReadToTheEndRecordsEveryRow() throws SQLException {
        int read = 0;
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT g AS rows_read_to_end FROM generate_series(1, 37) g")) {
            while (rs.next()) {
                read++;
            }
        }
        assertThat(read).isEqualTo(37);
        assertThat(only("rows_read_to_end").rows()).isEqualTo(37);
        assertThat(inLog("rows_read_to_end").rows()).isEqualTo(37);
        window.assertAppCountMatches();
    }

    @Test
    void aPartlyReadResultRecordsTheRowsReadWhenClosed() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT g AS rows_partly_read FROM generate_series(1, 50) g")) {
                for (int i = 0; i < 3; i++) {
                    assertThat(rs.next()).isTrue();
                }
                assertThat(only("rows_partly_read").rows()).as("unknown while it is being read").isEqualTo(-1);
            }
            // Running the statement again ends the last reading too (pgjdbc closes its result).
            ResultSet again = s.executeQuery("SELECT g AS rows_left_open FROM generate_series(1, 5) g");
            again.next();
            s.executeQuery("SELECT 1 AS rows_next_on_same_statement").close();
        }
        assertThat(only("rows_partly_read").rows()).isEqualTo(3);
        assertThat(only("rows_left_open").rows()).isEqualTo(1);
        assertThat(only("rows_next_on_same_statement").rows()).isZero();
        window.assertAppCountMatches();
    }

    @Test
    void aCursorFetchCountsEveryRowOfEveryFetch() throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT g AS rows_by_cursor FROM generate_series(1, ?) g")) {
                s.setFetchSize(100);
                s.setInt(1, 1234);
                long sum = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getLong(1);
                    }
                }
                assertThat(sum).isEqualTo(1234L * 1235 / 2);
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        assertThat(only("rows_by_cursor").rows()).isEqualTo(1234);
        assertThat(only("rows_by_cursor").succeeded()).isTrue();
        window.assertAppCountMatches();
    }

    @Test
    void aCursorFetchThatFailsPartWayIsAnErrorWithItsSqlStateAndTheServerDoesNotCountIt() throws SQLException {
        int read = 0;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(100);
                ResultSet rs = s.executeQuery("SELECT 1 / (5000 - g) AS fails_at_row_5000 FROM generate_series(1, 10000) g");
                assertThatThrownBy(() -> {
                    while (rs.next()) {
                        countRow();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
                read = rowsReadSoFar;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        CapturedStatement failed = only("fails_at_row_5000");
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error()).contains("division by zero").contains("22012");
        assertThat(read).isEqualTo(4900); // fetched 100 at a time: the fetch of rows 4901-5000 failed
        assertThat(failed.rows()).isEqualTo(read);
        assertThat(inLog("fails_at_row_5000").succeeded()).isFalse();
        assertThat(log.counters().errors()).isEqualTo(1);
        window.assertAppCountMatches();
    }

    @Test
    void aCursorFetchCancelledPartWayIsAnError() throws Exception {
        String marker = "cancelled_mid_fetch";
        try (Connection c = database.connection()) {
            int pid = backendPid(c);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(100);
                ResultSet rs = s.executeQuery("SELECT g AS " + marker + ", CASE WHEN g = 150 THEN pg_sleep(30) END "
                        + "FROM generate_series(1, 300) g");
                for (int i = 0; i < 100; i++) {
                    assertThat(rs.next()).isTrue();
                }
                // The next fetch sleeps on row 150: cancel it once the server is in it.
                CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!window.server().running("pg_sleep(30)") && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    // As the work's cancel would (pgjdbc's Statement.cancel() does nothing between fetches).
                    try (Connection other = database.connection(); Statement cancelling = other.createStatement()) {
                        cancelling.execute("SELECT pg_cancel_backend(" + pid + ")");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThatThrownBy(() -> {
                    while (rs.next()) {
                        countRow();
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("cancel");
                cancel.get(30, TimeUnit.SECONDS);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        CapturedStatement cancelled = only(marker);
        assertThat(cancelled.succeeded()).isFalse();
        assertThat(cancelled.error()).contains(SqlCaptureListener.QUERY_CANCELED);
        assertThat(cancelled.rows()).isEqualTo(100);
        window.assertAppCountMatches();
    }

    @Test
    void executeThenGetResultSetCountsTheRowsToo() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            assertThat(s.execute("SELECT g AS rows_via_execute FROM generate_series(1, 8) g")).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    countRow();
                }
            }
        }
        assertThat(only("rows_via_execute").rows()).isEqualTo(8);
        window.assertAppCountMatches();
    }

    @Test
    void hibernateQueriesRecordTheRowsTheyRead() throws SQLException {
        SessionFactory sessions = TestEngines.hibernate();
        List<Employee> employees = sessions.fromTransaction(session ->
                session.createSelectionQuery("from Employee e where e.id <= 40 order by e.id", Employee.class).getResultList());
        Employee one = sessions.fromTransaction(session -> session.find(Employee.class, 7L));
        assertThat(employees).hasSize(40);
        assertThat(one).isNotNull();
        List<CapturedStatement> selects = window.seen().stream()
                .filter(s -> s.text().startsWith("select") && s.text().contains("employee")).toList();
        assertThat(selects).extracting(CapturedStatement::rows).containsExactly(40L, 1L);
        window.assertAppCountMatches();
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int rowsReadSoFar;

    private void countRow() {
        rowsReadSoFar++;
    }

    private CapturedStatement only(String marker) {
        List<CapturedStatement> found = window.seen().stream().filter(s -> s.text().contains(marker)).toList();
        assertThat(found).as("records of " + marker).hasSize(1);
        return found.get(0);
    }

    private CapturedStatement inLog(String marker) {
        return log.all().stream().filter(s -> s.text().contains(marker)).findFirst().orElseThrow();
    }
}
