package org.persistenceexplorer.service.txlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The lab's lessons and bad input on the real PostgreSQL: checkout all or nothing (checksums of
 * every shop table), the savepoint's partial rollback, the optimistic-lock conflict and its
 * retry, pool exhaustion's timeout message, a deadlock's loser, the aborted-transaction state
 * and its way out, a terminated backend, and nothing left open on the server after close.
 */
class TransactionsLabTest {

    private static OrmSessions orm;
    private static TransactionsLab lab;

    @BeforeAll
    static void open() throws Exception {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = newLab();
        lab.open();
    }

    private static TransactionsLab newLab() {
        return new TransactionsLab(() -> TestEngines.sql().database().dataSource(),
                (name, size, timeout) -> new SidePool(SqlDatabase.openSide(TestEngines.sql().server().endpoint(),
                        TestEngines.sql().recorder(), name, size, timeout.toMillis())),
                orm, TestEngines.sql().recorder(), "txlab_lessons");
    }

    @AfterAll
    static void close() throws Exception {
        lab.shop().reset();
        lab.close();
        orm.close();
    }

    @BeforeEach
    void freshShop() throws Exception {
        lab.shop().reset();
        lab.resetTestTable();
    }

    @Test
    void aCheckoutCommitsStockOrderLinesAndPaymentTogether() throws Exception {
        ShopLesson done = lab.lessons().checkout(2, ordered(1L, 3, 4L, 1), false);
        assertThat(done.committed()).as(done.message()).isTrue();
        assertThat(done.stockAfter().get("Mug \"I <3 ACID\"")).isEqualTo(7);
        assertThat(done.unchanged()).isFalse();
        assertThat(done.statements().get(0)).isEqualTo("BEGIN");
        assertThat(done.statements()).last().isEqualTo("COMMIT");
    }

    @Test
    void aDeclinedPaymentRollsEverythingBackAndTheTablesAreIdentical() throws Exception {
        ShopLesson failed = lab.lessons().checkout(2, ordered(1L, 3, 2L, 1), true);
        assertThat(failed.committed()).isFalse();
        assertThat(failed.message()).contains("declined").contains("Rolled back");
        assertThat(failed.unchanged()).as("checksums of every shop table").isTrue();
        assertThat(failed.stockAfter()).isEqualTo(failed.stockBefore());
        assertThat(failed.statements().get(0)).isEqualTo("BEGIN");
        assertThat(failed.statements()).anyMatch(s -> s.startsWith("update shop.product"))
                .anyMatch(s -> s.startsWith("insert into shop.orders")).last().isEqualTo("ROLLBACK");
    }

    @Test
    void tooLittleStockRollsBackTheLinesAlreadyReserved() throws Exception {
        ShopLesson failed = lab.lessons().checkout(1, ordered(1L, 2, 3L, 5), false);
        assertThat(failed.committed()).isFalse();
        assertThat(failed.message()).contains("Only 2 of \"Designing Data-Intensive Applications\" in stock, 5 wanted.");
        assertThat(failed.unchanged()).isTrue();
        assertThat(failed.statements()).anyMatch(s -> s.startsWith("update shop.product")).last().isEqualTo("ROLLBACK");
    }

    @Test
    void aSavepointUndoesTheFailingLineOnlyAndTheRestCommits() throws Exception {
        ShopLesson partial = lab.lessons().ordersWithSavepoints(3, 4);
        assertThat(partial.committed()).isTrue();
        assertThat(partial.message()).contains("2 of 3 lines").contains("Designing Data-Intensive Applications");
        assertThat(partial.stockAfter()).containsEntry("Mug \"I <3 ACID\"", 6).containsEntry("T-shirt \"SERIALIZABLE\"", 1)
                .containsEntry("Designing Data-Intensive Applications", 2);
        assertThat(partial.statements()).contains("SAVEPOINT \"line_3\"").anyMatch(s -> s.startsWith("ROLLBACK TO SAVEPOINT"))
                .last().isEqualTo("COMMIT");
    }

    @Test
    void theSecondOfTwoEditsIsRefusedWithBothVersionsThenRetriedOnAFreshRead() throws Exception {
        ShopLesson refused = lab.lessons().concurrentEdits(1, false);
        assertThat(refused.committed()).isFalse();
        assertThat(refused.message()).contains("Edit 2 was refused: it had read version 0, the database holds version 1");

        lab.shop().reset();
        ShopLesson retried = lab.lessons().concurrentEdits(1, true);
        assertThat(retried.committed()).isTrue();
        assertThat(retried.message()).contains("reloaded version 1").contains("committed version 2");
        try (Connection c = TestEngines.sql().database().dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT status, note, version FROM shop.orders WHERE id = 1")) {
            r.next();
            assertThat(r.getString(1) + "|" + r.getString(2) + "|" + r.getInt(3)).isEqualTo("C|gift wrap, please (edit 1)|2");
        }
    }

    @Test
    void anExhaustedPoolRefusesAfterItsTimeoutWithAMessage() throws Exception {
        lab.sessions().run("A", "select 1", "test", Duration.ofSeconds(5));
        int[] activeWhileHeld = new int[1];
        String said = lab.exhaustPool(() -> activeWhileHeld[0] = lab.pool().active());
        assertThat(activeWhileHeld[0]).isEqualTo(TransactionsLab.POOL_SIZE);
        assertThat(said).contains("all were in use").contains("was refused").contains("No hang");
        long waited = Long.parseLong(said.replaceAll(".*waited (\\d+) ms.*", "$1"));
        assertThat(waited).isGreaterThanOrEqualTo(TransactionsLab.POOL_TIMEOUT.toMillis() - 50);
        assertThat(lab.pool().active()).as("given back, only A's is in use").isEqualTo(1);
    }

    @Test
    void aDeadlockIsFoundByTheServerAndOneSessionLosesWith40P01() throws Exception {
        CellResult run = lab.start(AnomalyTests.DEADLOCK, Isolation.READ_COMMITTED).runToEnd();
        List<StepResult> losers = run.steps().stream().filter(r -> "40P01".equals(r.sqlState())).toList();
        assertThat(losers).hasSize(1);
        assertThat(losers.get(0).message()).contains("deadlock detected").contains("Run it again");
        assertThat(run.detail()).contains("aborted with 40P01");
        assertThat(run.retry()).contains("committed");
    }

    @Test
    void anErrorAbortsTheTransactionUntilRollbackAndSaysSo() throws Exception {
        LabSessions s = lab.sessions();
        s.run("A", "begin", "test", Duration.ofSeconds(5));
        assertThat(s.run("A", "select 1/0", "test", Duration.ofSeconds(5)).sqlState()).isEqualTo("22012");
        StepResult refused = s.run("A", "select * from test", "test", Duration.ofSeconds(5));
        assertThat(refused.sqlState()).isEqualTo("25P02");
        assertThat(refused.message()).contains("ROLLBACK").contains("ROLLBACK TO SAVEPOINT");
        assertThat(refused.transaction()).isEqualTo(StepResult.TransactionState.ABORTED);
        assertThat(s.run("A", "rollback", "test", Duration.ofSeconds(5)).transaction()).isEqualTo(StepResult.TransactionState.IDLE);
        assertThat(s.run("A", "select * from test", "test", Duration.ofSeconds(5)).rows()).hasSize(2);
    }

    @Test
    void aBlockedStatementIsSeenWaitingForTheOtherSessionWithoutFreezingTheCaller() throws Exception {
        LabSessions s = lab.sessions();
        s.run("A", "begin", "test", Duration.ofSeconds(5));
        s.run("A", "update test set value = 11 where id = 1", "test", Duration.ofSeconds(5));
        StepResult waiting = s.run("B", "update test set value = 12 where id = 1", "test", Duration.ofSeconds(5));
        assertThat(waiting.outcome()).isEqualTo(StepResult.Outcome.WAITING);
        assertThat(waiting.blockedBy()).containsExactly("A");
        assertThat(s.waits()).containsEntry("B", List.of("A"));
        s.run("A", "commit", "test", Duration.ofSeconds(5));
        StepResult done = s.settle("B", Duration.ofSeconds(5));
        assertThat(done.outcome()).isEqualTo(StepResult.Outcome.DONE);
        assertThat(done.summary()).startsWith("waited for A, then 1 row changed");
    }

    @Test
    void aTerminatedBackendIsAClearErrorAndTheNextStatementGetsANewConnection() throws Exception {
        LabSessions s = lab.sessions();
        s.run("A", "begin", "test", Duration.ofSeconds(5));
        s.run("A", "update test set value = 11 where id = 1", "test", Duration.ofSeconds(5));
        int pid = s.session("A").pid();
        try (Connection c = TestEngines.sql().database().dataSource().getConnection();
             PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        }
        StepResult lost = s.run("A", "select * from test", "test", Duration.ofSeconds(5));
        assertThat(lost.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(lost.message()).containsIgnoringCase("terminat");
        StepResult again = s.run("A", "select * from test where id = 1", "test", Duration.ofSeconds(5));
        assertThat(again.rows()).as("the update was rolled back with the backend").containsExactly(List.of("1", "10"));
        assertThat(s.session("A").pid()).isNotEqualTo(pid);
        assertThat(Await.holdsWithin(Duration.ofSeconds(5), () -> lab.pool().active() <= 1)).isTrue();
    }

    @Test
    void aSessionLeftOpenIsEndedByTheIdleInTransactionTimeoutAndTheLabSaysWhy() throws Exception {
        LabSessions s = lab.sessions();
        s.run("C", "set idle_in_transaction_session_timeout = '200ms'", "test", Duration.ofSeconds(5));
        s.run("C", "begin", "test", Duration.ofSeconds(5));
        s.run("C", "select * from test", "test", Duration.ofSeconds(5));
        int pid = s.session("C").pid();
        try (Connection c = TestEngines.sql().database().dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            st.setInt(1, pid);
            assertThat(Await.holdsWithin(Duration.ofSeconds(10), () -> {
                try (ResultSet r = st.executeQuery()) {
                    r.next();
                    return r.getInt(1) == 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).as("the server ended the idle transaction's session").isTrue();
        }
        StepResult ended = s.run("C", "select * from test", "test", Duration.ofSeconds(5));
        assertThat(ended.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(ended.message()).contains("idle_in_transaction_session_timeout");
        assertThat(s.run("C", "select * from test", "test", Duration.ofSeconds(5)).outcome())
                .as("the next statement opens a new connection").isEqualTo(StepResult.Outcome.DONE);
    }

    @Test
    void closingTheLabLeavesNoConnectionAndNoTransactionOnTheServer() throws Exception {
        TransactionsLab other = newLab();
        other.open();
        LabSessions s = other.sessions();
        s.run("A", "begin", "test", Duration.ofSeconds(5));
        s.run("A", "update test set value = 11 where id = 1", "test", Duration.ofSeconds(5));
        s.run("B", "begin", "test", Duration.ofSeconds(5));
        assertThat(s.run("B", "update test set value = 12 where id = 1", "test", Duration.ofSeconds(5)).outcome())
                .isEqualTo(StepResult.Outcome.WAITING);
        int a = s.session("A").pid();
        int b = s.session("B").pid();
        other.close();
        try (Connection c = TestEngines.sql().database().dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid IN (?, ?)")) {
            st.setInt(1, a);
            st.setInt(2, b);
            assertThat(Await.holdsWithin(Duration.ofSeconds(5), () -> {
                try (ResultSet r = st.executeQuery()) {
                    r.next();
                    return r.getInt(1) == 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).as("sessions A and B are gone from pg_stat_activity").isTrue();
        }
    }

    private static Map<Long, Integer> ordered(Object... pairs) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Long) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
