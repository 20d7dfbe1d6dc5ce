package org.persistenceexplorer.service.txlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Every cell of the anomaly matrix on the real PostgreSQL: each of Hermitage's tests (and
 * variants) at each level, in three sessions of a pool of their own. The outcome must equal
 * Hermitage's published PostgreSQL result and the way it was prevented must be the one
 * PostgreSQL uses (blocking at READ COMMITTED, 40001 from REPEATABLE READ up). Waits are found
 * through pg_blocking_pids, never by sleeping; the lab works in its own schema.
 */
class AnomalyMatrixTest {

    private static SidePool pool;
    private static LabSessions sessions;
    private static TestTable table;

    @BeforeAll
    static void open() throws Exception {
        pool = new SidePool(SqlDatabase.openSide(TestEngines.sql().server().endpoint(), TestEngines.sql().recorder(),
                "pe-test-txlab", 4, 2000));
        sessions = new LabSessions(pool.dataSource(), () -> TestEngines.sql().database().dataSource(), "txlab_test");
        table = new TestTable(() -> TestEngines.sql().database().dataSource(), "txlab_test");
    }

    @AfterAll
    static void close() {
        sessions.close();
        pool.close();
    }

    static Stream<Arguments> cells() {
        return AnomalyTests.ALL.stream().flatMap(t -> Stream.of(Isolation.values()).map(l -> Arguments.of(t.id(), l)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("cells")
    void theCellEqualsHermitagesPublishedResultAndIsPreventedThePostgresWay(String id, Isolation level) throws Exception {
        AnomalyTest test = AnomalyTests.byId(id);
        CellResult cell = new ScriptRun(sessions, table, test, level).runToEnd();

        assertThat(cell.occurred()).as(id + " at " + level + ": " + cell.detail()).isEqualTo(!Hermitage.prevents(test, level));
        assertThat(cell.how()).as(cell.detail()).isEqualTo(expectedHow(id, level.effective()));
        if (cell.how() == Prevention.ABORTED) {
            assertThat(cell.steps()).filteredOn(StepResult::isSerializationFailure).extracting(StepResult::sqlState)
                    .containsOnly("40001");
            assertThat(cell.retry()).as("the aborted transaction is retried alone and succeeds").contains("committed")
                    .doesNotContain("failed");
        } else {
            assertThat(cell.retry()).isEmpty();
        }
        for (String name : LabSessions.NAMES) {
            assertThat(sessions.session(name).state()).as("session " + name + " ends idle").isEqualTo(StepResult.TransactionState.IDLE);
        }
    }

    /**
     * How PostgreSQL 17 keeps each anomaly out (or lets it happen), as the lab must show it:
     * the row lock makes READ COMMITTED wait, the snapshot levels abort a writer whose row
     * changed (after waiting when the other was still open), SERIALIZABLE aborts the write skews
     * (and G1c's two crossed reads),
     * and reads that only ever see committed data or a snapshot leave nothing to observe.
     */
    private static Prevention expectedHow(String id, Isolation level) {
        boolean rc = level == Isolation.READ_COMMITTED;
        boolean ser = level == Isolation.SERIALIZABLE;
        return switch (id) {
            case "G0", "OTV" -> rc ? Prevention.BLOCKED : Prevention.ABORTED;
            case "G1a", "G1b" -> Prevention.NOT_OBSERVABLE;
            // Each reads the row the other wrote: at SERIALIZABLE that is a cycle of read/write
            // dependencies, and SSI aborts the second commit although neither saw a dirty value.
            case "G1c" -> ser ? Prevention.ABORTED : Prevention.NOT_OBSERVABLE;
            case "PMP", "G-single", "G-single (predicate)" -> rc ? Prevention.OCCURRED : Prevention.NOT_OBSERVABLE;
            case "PMP (write predicate)", "P4", "G-single (write predicate)" -> rc ? Prevention.OCCURRED : Prevention.ABORTED;
            case "G2-item", "G2", "G2 (two edges, read-only)" -> ser ? Prevention.ABORTED : Prevention.OCCURRED;
            default -> throw new IllegalArgumentException(id);
        };
    }
}
