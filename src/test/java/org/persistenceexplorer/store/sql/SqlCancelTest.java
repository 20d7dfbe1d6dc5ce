package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Cancelling work stops its running SQL statement on the server (JDBC Statement.cancel through
 * the cancel hooks), not just the Java thread.
 */
class SqlCancelTest {

    /** Only to keep a broken build from hanging; the statement itself would sleep 30 s. */
    private static final Duration GIVE_UP = Duration.ofSeconds(25);

    private SqlDatabase database;
    private RecordedStatements recorded;

    @BeforeEach
    void listen() {
        database = TestEngines.sql().database();
        recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "test: cancel");
    }

    @AfterEach
    void stopListening() {
        recorded.close();
    }

    @Test
    void cancellingTheWorkStopsItsRunningStatementOnTheServer() throws Exception {
        String marker = "cancel-" + UUID.randomUUID();
        String sql = "SELECT pg_sleep(30) /* " + marker + " */";
        Cancellation work = new Cancellation();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = work.enter(recorded.action());
                 Connection c = database.connection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Await.until(GIVE_UP, () -> activeOnServer(marker), "the statement is running on the server");

        work.cancel();

        SQLException failure = awaitFailure(running);
        assertThat(failure.getSQLState()).as("PostgreSQL's query_canceled").isEqualTo("57014");
        assertThat(work.isCancelled()).isTrue();
        assertThat(recorded.matching(s -> s.text().contains(marker))).singleElement().satisfies(s -> {
            assertThat(s.succeeded()).isFalse();
            assertThat(s.error()).containsIgnoringCase("cancel");
            assertThat(s.action()).isEqualTo(recorded.action());
        });
        Await.until(GIVE_UP, () -> !activeOnServer(marker), "the server no longer runs the statement");
    }

    @Test
    void cancellingTheWorkStopsALaterCursorFetchOnTheServer() throws Exception {
        // The rows after the first fetch are computed when the next fetch asks for them: row 150
        // sleeps 30 s. executeQuery returned long ago, so only a stopper armed for the fetch helps.
        String marker = "fetch-" + UUID.randomUUID();
        String sql = "SELECT g, CASE WHEN g = 150 THEN pg_sleep(30) END /* " + marker + " */ FROM generate_series(1, 300) g";
        Cancellation work = new Cancellation();
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = work.enter(recorded.action()); Connection c = database.connection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(100);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            read.incrementAndGet();
                        }
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Await.until(GIVE_UP, () -> read.get() == 100 && activeOnServer(marker), "the second fetch is running on the server");

        work.cancel();

        SQLException failure = awaitFailure(running);
        assertThat(failure.getSQLState()).as("PostgreSQL's query_canceled").isEqualTo("57014");
        assertThat(read.get()).as("rows read before the cancelled fetch").isEqualTo(100);
        assertThat(recorded.matching(s -> s.text().contains(marker))).singleElement().satisfies(s -> {
            assertThat(s.succeeded()).isFalse();
            assertThat(s.rows()).isEqualTo(100);
        });
        Await.until(GIVE_UP, () -> !activeOnServer(marker), "the server no longer runs the fetch");
    }

    @Test
    void statementTheWorkStartsAfterCancelIsRefusedWithoutReachingTheServer() throws Exception {
        String marker = "late-" + UUID.randomUUID();
        Cancellation work = new Cancellation();
        work.cancel();

        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = work.enter(recorded.action());
                 Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                         "SELECT pg_sleep(30) /* " + marker + " */")) {
                s.execute();
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });

        SQLException failure = awaitFailure(running);
        assertThat(failure.getSQLState()).isEqualTo("57014");
        assertThat(failure.getMessage()).contains("before the statement was sent");
        assertThat(recorded.all()).as("nothing was sent, so nothing is counted").isEmpty();
        assertThat(activeOnServer(marker)).isFalse();
    }

    @Test
    void finishedStatementsOfTheWorkAreNotDisturbedByALaterCancel() throws Exception {
        Cancellation work = new Cancellation();
        try (Cancellation.Scope ignored = work.enter(recorded.action());
             Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 42")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }

        work.cancel();

        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).as("the pooled connection still works").isTrue();
        }
        assertThat(recorded.all()).singleElement().extracting(CapturedStatement::succeeded).isEqualTo(true);
    }

    @Test
    void aCancelLandingAfterTheCheckButBeforeTheStatementRunsStillStopsIt() throws Exception {
        String marker = "worst-moment-" + UUID.randomUUID();
        Cancellation work = new Cancellation();
        // The worst moment: the cancelled() check has passed, pgjdbc has not sent the statement
        // yet, and the first cancel request reaches an idle backend, which drops it.
        SqlCaptureListener.beforeSend = () -> cancelAndLetTheFirstRequestArrive(work);
        CompletableFuture<Void> running;
        try {
            running = CompletableFuture.runAsync(() -> {
                try (Cancellation.Scope ignored = work.enter(recorded.action());
                     Connection c = database.connection(); Statement s = c.createStatement()) {
                    s.execute("SELECT pg_sleep(30) /* " + marker + " */");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            SQLException failure = awaitFailure(running);
            assertThat(failure.getSQLState()).as("stopped on the server").isEqualTo("57014");
        } finally {
            SqlCaptureListener.beforeSend = null;
        }
        assertThat(recorded.matching(s -> s.text().contains(marker))).singleElement()
                .satisfies(s -> assertThat(s.succeeded()).isFalse());
        assertThat(activeOnServer(marker)).isFalse();
    }

    @Test
    void theConnectionOfACancelledStatementServesTheNextStatementUndisturbed() throws Exception {
        Cancellation work = new Cancellation();
        SqlCaptureListener.beforeSend = work::cancel;
        try (Connection c = database.connection()) {
            try (Cancellation.Scope ignored = work.enter(recorded.action()); Statement s = c.createStatement()) {
                s.execute("SELECT pg_sleep(30)");
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).isEqualTo("57014");
            } finally {
                SqlCaptureListener.beforeSend = null;
            }
            for (int i = 0; i < 20; i++) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_sleep(0.01), 1")) {
                    assertThat(rs.next()).as("no stray cancel request hits later statements").isTrue();
                }
            }
        }
    }

    private static void cancelAndLetTheFirstRequestArrive(Cancellation work) {
        long before = QueryStopper.REQUESTS_SENT.get();
        work.cancel();
        Await.until(GIVE_UP, () -> QueryStopper.REQUESTS_SENT.get() > before, "a cancel request went out");
        try {
            Thread.sleep(200); // the server handles the request while the backend is idle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean activeOnServer(String marker) {
        return new ServerStatementCount(database).running(marker);
    }

    private static SQLException awaitFailure(CompletableFuture<Void> running) throws Exception {
        try {
            running.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            return (SQLException) e.getCause();
        }
        throw new AssertionError("the cancelled statement completed normally");
    }
}
