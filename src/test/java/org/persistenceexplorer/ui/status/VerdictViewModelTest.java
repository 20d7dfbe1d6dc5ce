package org.persistenceexplorer.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.LogVerdicts;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.log.Verdict;

/** The status bar keeps an open N+1 in sight, opens it in the log on click, and lets go when dismissed or cleared. */
class VerdictViewModelTest {

    private final StatementLog log = new StatementLog(1000);
    private final List<Verdict> opened = new ArrayList<>();
    private final VerdictViewModel model = new VerdictViewModel(new LogVerdicts(log,
            () -> (table, column) -> table.equals("lab.employee") && column.equals("department_id")
                    ? Optional.of("Department.employees") : Optional.empty()), opened::add);

    @Test
    void anOpenNPlusOneIsShownWithItsFixAndOpensInTheLog() {
        model.refresh();
        assertThat(model.textProperty().get()).isEmpty();
        for (int i = 1; i <= 100; i++) {
            log.statementCaptured(new CapturedStatement(i, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT,
                    "select e1_0.id from lab.employee e1_0 where e1_0.department_id=?", List.of(Integer.toString(i)),
                    1, 3, 1, "w", false, null, "lab: run"));
        }
        model.refresh();
        assertThat(model.textProperty().get()).isEqualTo("⚠ N+1: Department.employees x100");
        assertThat(model.tooltipProperty().get()).contains("join fetch").contains(LogVerdicts.RULE);

        model.open();
        assertThat(opened).singleElement().extracting(Verdict::logFilter).isEqualTo("lab.employee e1_0.department_id");

        model.dismiss();
        assertThat(model.textProperty().get()).isEmpty();
        log.reset();
        model.refresh();
        assertThat(model.textProperty().get()).isEmpty();
    }
}
