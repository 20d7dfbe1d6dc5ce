package org.persistenceexplorer.ui.txlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.txlab.AnomalyTests;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.StepResult;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The lab's view-model on the real PostgreSQL (inline runner): stepping P4 shows B waiting for A
 * and the lost update at READ COMMITTED, the 40001 and its retry at REPEATABLE READ; free mode
 * shows a blocked session as waiting and a refused level change as a message; a failing
 * checkout leaves the stock as it was.
 */
class TxLabViewModelTest {

    private static OrmSessions orm;
    private static TransactionsLab lab;
    private TxLabViewModel model;

    @BeforeAll
    static void open() {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = TestLabs.lab(orm, "txlab_vm");
    }

    @AfterAll
    static void close() throws Exception {
        lab.shop().reset();
        lab.close();
        orm.close();
    }

    @BeforeEach
    void openModel() {
        model = new TxLabViewModel(new InlineBackgroundRunner(), lab);
        model.open();
        assertThat(model.readyProperty().get()).as(model.messageProperty().get()).isTrue();
        model.reset();
    }

    @Test
    void steppingALostUpdateShowsTheWaitAndTheVerdictThenRepeatableReadAbortsAndRetries() {
        model.scriptProperty().set(AnomalyTests.byId("P4"));
        model.levelProperty().set(Isolation.READ_COMMITTED);
        for (int i = 0; i < 6; i++) {
            model.step();
        }
        assertThat(model.lines().get(5).result().outcome()).isEqualTo(StepResult.Outcome.WAITING);
        model.refresh();
        assertThat(model.column("B").stateProperty().get()).isEqualTo("WAITING for A (lock)");
        model.step();
        assertThat(model.lines().get(5).result().summary()).startsWith("waited for A, then 1 row changed");
        model.step();
        assertThat(model.verdictProperty().get()).startsWith("P4 at READ COMMITTED: OCCURS").contains("✓ same");
        assertThat(model.matrix()).containsKey("P4|READ_COMMITTED");

        model.levelProperty().set(Isolation.REPEATABLE_READ);
        model.runScript();
        assertThat(model.verdictProperty().get()).startsWith("P4 at REPEATABLE READ: PREVENTED")
                .contains("aborted with 40001 at step 6").contains("B retried once: committed").contains("✓ same");
    }

    @Test
    void freeModeShowsABlockedSessionAndRefusesALevelChangeInsideATransaction() {
        model.column("A").inputProperty().set("begin");
        model.runTyped("A");
        model.runIn("A", "update test set value = 11 where id = 1");
        model.runIn("B", "update test set value = 12 where id = 1");
        model.refresh();
        assertThat(model.column("B").stateProperty().get()).isEqualTo("WAITING for A (lock)");
        assertThat(model.column("A").stateProperty().get()).startsWith("in a transaction");
        model.changeIsolation("A", Isolation.SERIALIZABLE);
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("inside a transaction");
        model.runIn("A", "commit");
        model.reset();
    }

    @Test
    void aFailingCheckoutLeavesTheStockAsItWas() {
        model.resetShop();
        model.paymentFailsProperty().set(true);
        model.checkout();
        assertThat(model.lessonProperty().get().committed()).isFalse();
        assertThat(model.lessonProperty().get().stockAfter()).isEqualTo(model.lessonProperty().get().stockBefore());
        assertThat(model.lessonProperty().get().statements()).first().isEqualTo("BEGIN");
        assertThat(model.lessonProperty().get().statements()).last().isEqualTo("ROLLBACK");
    }
}
