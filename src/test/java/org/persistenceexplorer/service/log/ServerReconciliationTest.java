package org.persistenceexplorer.service.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.connect.ConnectionCheck;
import org.persistenceexplorer.service.connect.PostgresAnswer;
import org.persistenceexplorer.service.connect.PostgresTarget;
import org.persistenceexplorer.testsupport.DebianPostgresPair;
import org.persistenceexplorer.domain.hr.Department;
import org.persistenceexplorer.domain.hr.Employee;
import org.persistenceexplorer.domain.statement.Reconciliation;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.sql.ServerStatementCounts;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.TestEngines;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The live reconciliation against the real server: equal after a console-like mix and a
 * Hibernate workload, amber with the statement shapes when a client behind the app's back runs
 * statements, "counts lost" when someone else resets the server's counts, and equal again after
 * the log's Clear + reset. Its window starts with a fresh log and a server mark, as at app start.
 */
class ServerReconciliationTest {

    private static final Duration SETTLED = Duration.ofSeconds(20);
    private final StatementLog log = new StatementLog();
    private StatementRecorder recorder;
    private ServerStatementCounts counts;
    private ServerReconciliation reconciliation;

    @BeforeEach
    void startAWindow() {
        recorder = TestEngines.sql().recorder();
        counts = new ServerStatementCounts(TestEngines.sql().server().endpoint(), true);
        counts.mark();
        recorder.addListener(log);
        reconciliation = new ServerReconciliation(log, ServerCounter.of(counts::read, counts::mark), recorder::inFlight);
    }

    @AfterEach
    void stop() {
        recorder.removeListener(log);
        counts.close();
    }

    @Test
    void aConsoleLikeMixIsEqual() throws SQLException {
        SqlDatabase database = TestEngines.sql().database();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS reconcile; CREATE TABLE IF NOT EXISTS reconcile.t (id int PRIMARY KEY, v text)");
            s.execute("TRUNCATE reconcile.t");
            s.execute("INSERT INTO reconcile.t VALUES (1, 'a'); SELECT * FROM reconcile.t; ;");
            assertThatThrownBy(() -> s.execute("SELEC 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeQuery("UPDATE reconcile.t SET v = 'b'")).isInstanceOf(SQLException.class);
            c.setAutoCommit(false);
            c.setSavepoint("before");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO reconcile.t VALUES (?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    p.setInt(1, i == 5 ? 1 : 100 + i);
                    p.setString(2, "x");
                    p.addBatch();
                }
                assertThatThrownBy(p::executeBatch).isInstanceOf(BatchUpdateException.class);
            }
            c.rollback();
            c.setAutoCommit(true);
        }

        Reconciliation result = settled();
        assertThat(result.state()).as("%s", result).isEqualTo(Reconciliation.State.EQUAL);
        assertThat(result.captured()).isPositive().isEqualTo(result.server());
    }

    @Test
    void aHibernateWorkloadIsEqual() {
        SessionFactory sessions = TestEngines.hibernate();
        sessions.inTransaction(session -> {
            List<Department> departments = session.createSelectionQuery("from Department order by id", Department.class)
                    .getResultList();
            departments.forEach(d -> d.getEmployees().size());
            session.find(Employee.class, 1L).getSubordinates().size();
        });
        sessions.inTransaction(session -> {
            Department d = new Department("Reconcile check", new BigDecimal("1.00"));
            session.persist(d);
            session.flush();
            session.remove(d);
        });

        Reconciliation result = settled();
        assertThat(result.state()).as("%s", result).isEqualTo(Reconciliation.State.EQUAL);
    }

    @Test
    void statementsRunBehindTheAppsBackShowAsADifferenceWithTheirShapeAndClient() throws SQLException {
        try (Connection raw = rawConnection("psql"); Statement s = raw.createStatement()) {
            s.execute("SELECT 4711 AS behind_the_back");
            s.execute("SELECT 4712 AS behind_the_back");

            Reconciliation result = settled();
            assertThat(result.state()).isEqualTo(Reconciliation.State.DIFFERENT);
            assertThat(result.server() - result.captured()).isEqualTo(2);
            assertThat(result.unexplained()).anyMatch(line -> line.startsWith("2 more on the server: select ? as behind_the_back"));
            assertThat(result.otherClients()).anyMatch(client -> client.startsWith("psql (pid "));
        }
    }

    @Test
    void aConnectionTestOfAnotherServerStartsTheWindowAgainInsteadOfShowingADifference() {
        DebianPostgresPair pair = DebianPostgresPair.get();
        ConnectionCheck check = new ConnectionCheck(recorder, reconciliation::restartWindow);
        PostgresAnswer answer = check.postgres(PostgresTarget.ofUrl(pair.primaryUrl(), DebianPostgresPair.USER),
                DebianPostgresPair.PASSWORD);
        assertThat(answer.reached()).as(answer.problem()).isTrue();
        assertThat(log.position().sqlExecutions()).as("the Test's statements are in the log").isPositive();

        Reconciliation result = settled();
        assertThat(result.state()).as("%s", result).isEqualTo(Reconciliation.State.EQUAL);
    }

    @Test
    void someoneElsesResetIsToldAsLostCountsAndClearStartsAFreshEqualWindow() throws SQLException {
        try (Connection raw = rawConnection("psql"); Statement s = raw.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
        assertThat(reconciliation.check().state()).isEqualTo(Reconciliation.State.COUNTS_LOST);

        log.reset();

        Reconciliation result = settled();
        assertThat(result.state()).as("%s", result).isEqualTo(Reconciliation.State.EQUAL);
        assertThat(result.captured()).isZero();
    }

    @Test
    void clearWhileAStatementIsBetweenServerAndLogStartsTheServersWindowOnlyOnceItIsRecorded() throws SQLException {
        // A statement the server has run and counted, its record not in the log yet: Clear now.
        recorder.sending();
        String text = "SELECT 'between server and log'";
        try {
            try (Connection raw = rawConnection(SqlDatabase.APPLICATION_NAME); Statement s = raw.createStatement()) {
                s.execute(text);
            }
            log.reset();
            assertThat(reconciliation.check().state()).as("nothing is compared, nor reset, while it is in flight")
                    .isEqualTo(Reconciliation.State.BUSY);
            recorder.record(org.persistenceexplorer.domain.statement.Engine.POSTGRESQL,
                    org.persistenceexplorer.domain.statement.StatementKind.SELECT, text, List.of(), 0, 1, 1, null);
        } finally {
            recorder.sent();
        }

        // Started once the record is in: the window holds neither it nor the server's count of it.
        Reconciliation result = settled();
        assertThat(result.state()).as("%s", result).isEqualTo(Reconciliation.State.EQUAL);
        assertThat(result.captured()).isZero();
    }

    private Reconciliation settled() {
        Reconciliation[] last = new Reconciliation[1];
        Await.until(SETTLED, () -> (last[0] = reconciliation.check()).state() != Reconciliation.State.BUSY, "a settled count");
        return last[0];
    }

    private static Connection rawConnection(String applicationName) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TestEngines.sql().server().endpoint().jdbcUrl());
        ds.setUser(TestEngines.sql().server().endpoint().user());
        ds.setApplicationName(applicationName);
        ds.setAssumeMinServerVersion("9.0");
        return ds.getConnection();
    }
}
