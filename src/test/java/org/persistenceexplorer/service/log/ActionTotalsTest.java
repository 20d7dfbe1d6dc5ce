package org.persistenceexplorer.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

class ActionTotalsTest {

    private final ActionTotals totals = new ActionTotals();
    private final StatementLog log = new StatementLog();
    private long sequence;

    private CapturedStatement capture(StatementKind kind, String action, long rows, String error) {
        CapturedStatement s = new CapturedStatement(++sequence, Instant.now(), Engine.POSTGRESQL, kind, kind.label(),
                List.of(), 2_000_000, rows, 1, "worker", false, error, action);
        totals.statementCaptured(s);
        log.statementCaptured(s);
        return s;
    }

    @Test
    void eachActionCountsItsOwnStatementsRowsAndErrors() {
        CapturedStatement select = capture(StatementKind.SELECT, "lab: lazy", -1, null);
        capture(StatementKind.SELECT, "lab: lazy", -1, null);
        capture(StatementKind.TX, "lab: lazy", -1, null);
        capture(StatementKind.UPDATE, "console: run", 3, null);
        capture(StatementKind.SELECT, "console: run", -1, "ERROR: boom");
        totals.statementCompleted(select, new CapturedStatement(select.sequence(), select.finishedAt(), select.engine(),
                select.kind(), select.text(), List.of(), 5_000_000, 7, 1, "worker", false, null, select.action()));

        assertThat(totals.of("lab: lazy")).extracting(ActionTotals.Total::statements, ActionTotals.Total::selects,
                ActionTotals.Total::rows, ActionTotals.Total::errors).containsExactly(3L, 2L, 7L, 0L);
        assertThat(totals.of("lab: lazy").millis()).isEqualTo(9.0);
        assertThat(totals.of("console: run").errors()).isEqualTo(1);
        assertThat(totals.all()).extracting(ActionTotals.Total::action).containsExactly("console: run", "lab: lazy");
    }

    @Test
    void resettingTheLabsTotalsKeepsTheOthersAndTheLog() {
        capture(StatementKind.SELECT, "lab: lazy", 1, null);
        capture(StatementKind.SELECT, "lab: batch 25", 1, null);
        capture(StatementKind.SELECT, "tables: load page", 50, null);

        assertThat(totals.sumOf("lab:").statements()).isEqualTo(2);
        totals.resetWhere("lab:");

        assertThat(totals.sumOf("lab:").statements()).isZero();
        assertThat(totals.of("tables: load page").rows()).isEqualTo(50);
        assertThat(log.counters().total()).as("the log keeps everything").isEqualTo(3);
        assertThat(log.all()).hasSize(3);
        totals.reset();
        assertThat(totals.all()).isEmpty();
        assertThat(log.all()).hasSize(3);
    }
}
