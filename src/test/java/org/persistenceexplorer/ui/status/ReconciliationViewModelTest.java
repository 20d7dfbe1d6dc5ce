package org.persistenceexplorer.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.ServerStatementReading;
import org.persistenceexplorer.service.log.ServerCounter;
import org.persistenceexplorer.service.log.ServerReconciliation;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

class ReconciliationViewModelTest {

    private final AtomicReference<ServerStatementReading> server =
            new AtomicReference<>(new ServerStatementReading(true, "", 0, false, Map.of(), List.of()));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
    private final ReconciliationViewModel model = new ReconciliationViewModel(new ServerReconciliation(new StatementLog(),
            new ServerCounter() {
                @Override
                public ServerStatementReading read(boolean details) {
                    reads.incrementAndGet();
                    return server.get();
                }

                @Override
                public void reset() {
                }
            }, inFlight::get), runner, now::get);

    @Test
    void equalCountsAreGreen() {
        compare();

        assertThat(model.textProperty().get()).isEqualTo("SQL 0 · server ✓");
        assertThat(model.styleClassProperty().get()).isEqualTo(ReconciliationViewModel.EQUAL);
        assertThat(model.tooltipProperty().get()).contains("pg_stat_statements").contains("equals");
    }

    @Test
    void aDifferenceIsAmberAndTheTooltipNamesShapesAndClients() {
        server.set(new ServerStatementReading(true, "", 2, false, Map.of("select ? as x", 2L), List.of("psql (pid 4711)")));

        compare();

        assertThat(model.textProperty().get()).isEqualTo("SQL 0 · server 2 (+2)");
        assertThat(model.styleClassProperty().get()).isEqualTo(ReconciliationViewModel.DIFFERENT);
        assertThat(model.tooltipProperty().get()).contains("2 more on the server: select ? as x").contains("psql (pid 4711)");
    }

    @Test
    void aComparisonWhileStatementsRunKeepsTheLastAnswer() {
        compare();
        inFlight.set(1);
        server.set(new ServerStatementReading(true, "", 1, false, Map.of(), List.of()));
        now.addAndGet(ReconciliationViewModel.EVERY_MILLIS);

        compare();

        assertThat(model.textProperty().get()).isEqualTo("SQL 0 · server ✓");
    }

    @Test
    void noCountAndLostCountsAreSaidNotShownAsNumbers() {
        server.set(ServerStatementReading.unavailable("This server has no pg_stat_statements extension."));
        compare();
        assertThat(model.textProperty().get()).isEqualTo("server count: n/a");
        assertThat(model.tooltipProperty().get()).contains("no pg_stat_statements");

        server.set(ServerStatementReading.lost("The server restarted at 12:00 and lost its counts."));
        now.addAndGet(ReconciliationViewModel.EVERY_MILLIS);
        compare();
        assertThat(model.textProperty().get()).isEqualTo("server count lost");
        assertThat(model.styleClassProperty().get()).isEqualTo(ReconciliationViewModel.NONE);
    }

    @Test
    void comparesAtMostEveryTwoSecondsAndOneAtATime() {
        model.refresh();
        model.refresh();
        assertThat(runner.runPending()).as("one comparison while one is pending").isEqualTo(1);
        model.refresh();
        runner.runPending();
        assertThat(reads.get()).as("not due yet").isEqualTo(1);

        now.addAndGet(ReconciliationViewModel.EVERY_MILLIS);
        compare();
        assertThat(reads.get()).isEqualTo(2);
    }

    private void compare() {
        model.refresh();
        runner.runPending();
    }
}
