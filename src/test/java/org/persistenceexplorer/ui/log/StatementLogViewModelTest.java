package org.persistenceexplorer.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;

class StatementLogViewModelTest {

    private final StatementLog log = new StatementLog(20_000);
    private final StatementLogViewModel model = new StatementLogViewModel(log);
    private long sequence;

    private void capture(String sql, String action, String error) {
        captureNumbered(++sequence, sql, action, error);
    }

    private void captureNumbered(long number, String sql, String action, String error) {
        log.statementCaptured(new CapturedStatement(number, Instant.now(), Engine.POSTGRESQL, StatementKind.ofSql(sql),
                sql, List.of("1=42"), 1_500_000, 1, 1, "worker", false, error, action));
    }

    @Test
    void aStatementThatArrivesAfterAHigherNumberedOneIsStillShown() {
        // Two threads: #2 finishes its listener call before #1 does, and a tick falls in between.
        captureNumbered(2, "SELECT 2", "thread b", null);
        model.refresh();
        captureNumbered(1, "SELECT 1", "thread a", null);
        model.refresh();

        assertThat(model.visibleRows()).extracting(LogRow::text).containsExactlyInAnyOrder("SELECT 1", "SELECT 2");
    }

    @Test
    void refreshTakesInOnlyWhatArrivedSinceTheLastTick() {
        capture("SELECT 1", "tables: load page", null);
        capture("SELECT 2", "tables: load page", null);
        model.refresh();
        capture("SELECT 3", "tables: load page", null);
        model.refresh();
        model.refresh();

        assertThat(model.visibleRows()).extracting(LogRow::text).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void thePanelKeepsOnlyTheNewestRowsButTheLogCountsAll() {
        for (int i = 0; i < StatementLogViewModel.MAX_ROWS + 250; i++) {
            capture("SELECT " + i, "bulk", null);
        }
        model.refresh();

        assertThat(model.allRows()).hasSize(StatementLogViewModel.MAX_ROWS);
        assertThat(model.allRows().get(model.allRows().size() - 1).text()).isEqualTo("SELECT " + (StatementLogViewModel.MAX_ROWS + 249));
        assertThat(log.counters().total()).isEqualTo(StatementLogViewModel.MAX_ROWS + 250);
    }

    @Test
    void filterMatchesEveryWordAgainstTextActionAndKind() {
        capture("SELECT * FROM hr.employee", "tables: load page", null);
        capture("INSERT INTO hr.department VALUES (1)", "tables: add row", null);
        capture("SELEC broken", "console: run", "syntax error at or near \"SELEC\"");
        model.refresh();

        model.filterProperty().set("insert department");
        assertThat(model.visibleRows()).extracting(LogRow::text).containsExactly("INSERT INTO hr.department VALUES (1)");
        model.filterProperty().set("syntax");
        assertThat(model.visibleRows()).singleElement().satisfies(row -> assertThat(row.failed()).isTrue());
        model.filterProperty().set("");
        assertThat(model.visibleRows()).hasSize(3);
    }

    @Test
    void pauseHoldsTheViewAndResumeCatchesUp() {
        capture("SELECT 1", "a", null);
        model.refresh();
        model.pausedProperty().set(true);
        capture("SELECT 2", "a", null);
        model.refresh();
        assertThat(model.visibleRows()).hasSize(1);

        model.pausedProperty().set(false);
        model.refresh();
        assertThat(model.visibleRows()).extracting(LogRow::text).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void clearEmptiesThePanelAndResetsTheCounters() {
        capture("SELECT 1", "a", null);
        model.refresh();
        model.clear();
        model.refresh();

        assertThat(model.visibleRows()).isEmpty();
        assertThat(log.counters().total()).isZero();
        capture("SELECT 2", "a", null);
        model.refresh();
        assertThat(model.visibleRows()).extracting(LogRow::text).containsExactly("SELECT 2");
    }

    @Test
    void copiedTextCarriesParametersActionAndError() {
        capture("SELECT * FROM hr.employee WHERE id = ?", "tables: load page", "connection reset");
        model.refresh();

        String copied = model.visibleRows().get(0).copyText();
        assertThat(copied).startsWith("SELECT * FROM hr.employee WHERE id = ?")
                .contains("-- parameters: 1=42", "action: tables: load page", "-- error: connection reset");
    }
}
