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
    void aRowShownBeforeItsResultWasReadGetsItsRowsOnALaterTick() {
        CapturedStatement first = new CapturedStatement(1, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT,
                "SELECT g FROM generate_series(1, 1000) g", List.of(), 1_000, -1, 1, "worker", false, null, "console: run");
        log.statementCaptured(first);
        model.refresh();
        assertThat(model.visibleRows()).extracting(LogRow::rows).containsExactly("—");

        log.statementCompleted(first, new CapturedStatement(1, first.finishedAt(), Engine.POSTGRESQL, StatementKind.SELECT,
                first.text(), List.of(), 9_000, 1000, 1, "worker", false, null, "console: run"));
        model.refresh();

        assertThat(model.visibleRows()).extracting(LogRow::rows).containsExactly("1000");
        assertThat(model.visibleRows().get(0).duration()).isEqualTo("0.0 ms");
    }

    @Test
    void aTransactionIsDrawnAsABracketWithItsTotalsPerThread() {
        long n = 100;
        log.statementCaptured(tx(++n, "BEGIN", "lane"));
        log.statementCaptured(new CapturedStatement(++n, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, "SELECT 1",
                List.of(), 2_000_000, 1, 1, "lane", false, null, "lab"));
        log.statementCaptured(new CapturedStatement(++n, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, "SELECT 9",
                List.of(), 1_000_000, 1, 1, "other", false, null, "tables"));
        log.statementCaptured(new CapturedStatement(++n, Instant.now(), Engine.POSTGRESQL, StatementKind.UPDATE, "UPDATE t",
                List.of(), 3_000_000, 1, 5, "lane", false, null, "lab"));
        model.refresh();
        log.statementCaptured(tx(++n, "COMMIT", "lane"));
        model.refresh();

        assertThat(model.visibleRows()).extracting(LogRow::bracket)
                .containsExactly("┌", "│", "", "│", "└ 6 · 5.0 ms");
    }

    @Test
    void theCaptureCostIsShownAsMeasuredAndTotalsResetWithoutWipingTheLog() {
        org.persistenceexplorer.service.log.ActionTotals totals = new org.persistenceexplorer.service.log.ActionTotals();
        StatementLogViewModel wired = new StatementLogViewModel(log, totals,
                () -> new org.persistenceexplorer.domain.statement.CaptureCost(4, 56_000, 16));
        CapturedStatement s = new CapturedStatement(1, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, "SELECT 1",
                List.of(), 1_000, 1, 1, "worker", false, null, "lab: lazy");
        log.statementCaptured(s);
        totals.statementCaptured(s);
        wired.refresh();

        assertThat(wired.captureCostProperty().get()).isEqualTo("capture 14.0 µs CPU / statement");
        assertThat(wired.actionTotals()).extracting(t -> t.action() + " " + t.statements()).containsExactly("lab: lazy 1");
        wired.resetActionTotals();
        assertThat(wired.actionTotals()).isEmpty();
        assertThat(wired.visibleRows()).hasSize(1);
        assertThat(log.counters().total()).isEqualTo(1);
    }

    private static CapturedStatement tx(long number, String text, String thread) {
        return new CapturedStatement(number, Instant.now(), Engine.POSTGRESQL, StatementKind.TX, text, List.of(), 0, -1, 1,
                thread, false, null, "lab");
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

    @Test
    void rowsArrivingWhileTheReaderIsScrolledUpAreCountedUntilTheyJumpBack() {
        capture("SELECT 1", "a", null);
        model.refresh();
        model.followingProperty().set(false);
        capture("SELECT 2", "a", null);
        capture("SELECT 3", "a", null);
        model.refresh();
        assertThat(model.unseenProperty().get()).isEqualTo(2);

        model.jumpToNewest();
        assertThat(model.unseenProperty().get()).isZero();
        assertThat(model.followingProperty().get()).isTrue();
    }

    @Test
    void theDetailNamesTheTransactionAndCopiesRunnableSql() {
        log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), Engine.POSTGRESQL, StatementKind.TX,
                "BEGIN", List.of(), 1, -1, 1, "worker", false, null, "a"));
        log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), Engine.POSTGRESQL, StatementKind.UPDATE,
                "UPDATE hr.employee SET name = ? WHERE id = ? AND note <> '?'", List.of("1=O'Hara, 2=7"), 1, 1, 1,
                "worker", false, null, "a"));
        log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), Engine.POSTGRESQL, StatementKind.TX,
                "COMMIT", List.of(), 1, -1, 1, "worker", false, null, "a"));
        model.refresh();

        model.selectedProperty().set(model.visibleRows().get(1));
        StatementDetail detail = model.detailProperty().get();
        assertThat(detail.about()).contains("Transaction: began at #1, committed at #3", "1=O'Hara, 2=7");
        assertThat(detail.runnable()).isEqualTo("UPDATE hr.employee SET name = 'O''Hara' WHERE id = 7 AND note <> '?'");
        assertThat(detail.copyLabel()).isEqualTo("Copy as runnable SQL");
    }

    @Test
    void aMigrationsCellShowsTheStatementNotTheScriptsLeadingComment() {
        capture("-- V1: the HR schema\n/* departments first */\nCREATE TABLE hr.department (id int)", "migrate", null);
        model.refresh();

        assertThat(model.visibleRows().get(0).text()).isEqualTo("CREATE TABLE hr.department (id int)");
    }

    @Test
    void summaryCountsTheMatchesAndTheEmptyStateNamesTheFilter() {
        capture("SELECT 1", "a", null);
        capture("INSERT INTO t VALUES (1)", "a", null);
        model.refresh();

        model.filterProperty().set("insert");
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 2 statements match “insert”");
        model.filterProperty().set("nothing-like-this");
        assertThat(model.emptyTextProperty().get()).startsWith("No statement matches “nothing-like-this” (2 statements");
        model.filterProperty().set("");
        assertThat(model.summaryProperty().get()).isEqualTo("2 statements shown");
    }
}
