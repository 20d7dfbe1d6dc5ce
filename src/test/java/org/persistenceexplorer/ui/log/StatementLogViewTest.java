package org.persistenceexplorer.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The statement log as a reader meets it: the newest row in view after a burst, the view kept
 * when they scrolled up, sorting by real values, the whole statement in the detail pane, and a
 * summary and empty state that speak of the filter.
 */
@ExtendWith(ApplicationExtension.class)
class StatementLogViewTest extends FxRobot {

    private final StatementLog log = new StatementLog(20_000);
    private final StatementLogViewModel model = new StatementLogViewModel(log);
    private long sequence;
    private StatementLogView view;

    @Start
    void start(Stage stage) {
        view = new StatementLogView(model);
        Scene scene = new Scene(ViewLoader.load(view), 1000, 360);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void atProjectorSizeThePanelStillFitsA1280PxWideScreen() throws Exception {
        java.util.prefs.Preferences settings = java.util.prefs.Preferences.userRoot()
                .node("org/persistenceexplorer/test/logfit-" + System.nanoTime());
        var display = new org.persistenceexplorer.ui.common.DisplayMode(settings.node("display"),
                new org.persistenceexplorer.ui.common.UiScale(new org.persistenceexplorer.ui.common.WindowSettings(settings.node("window"))));
        interact(() -> view.addToToolbarEnd(new org.persistenceexplorer.ui.common.ProjectorScaleControl(display).node()));
        javafx.scene.Parent panel = lookup(".pe-log-panel").query();
        interact(() -> panel.getScene().getRoot().setStyle("-fx-font-size: 26px;")); // 2x, as projector mode sets it
        WaitForAsyncUtils.waitForFxEvents();
        double min = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> panel.minWidth(-1)).get();
        interact(() -> panel.getScene().getRoot().setStyle(""));
        settings.removeNode();
        assertThat(min).as("the toolbar, the text size control at its end, shrinks instead of pushing the window "
                + "wider than the screen").isLessThanOrEqualTo(1280);
    }

    @Test
    void aFailedStatementsRowIsMarkedWhereverItMovesAndOnlyIt() {
        for (int i = 0; i < 40; i++) {
            capture("select " + i, 1_000);
        }
        log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), Engine.POSTGRESQL, StatementKind.ofSql("selec oops"),
                "selec oops", List.of(), 1_000, -1, 1, "worker", false, "ERROR: syntax error at or near \"selec\"", "test"));
        tick();
        assertThat(markedRows()).as("only the failed statement's row").containsExactly("selec oops");
        // More rows arrive: the rows on screen are reused for other statements (their look follows
        // their statement, not their place), and the failed one moves up.
        for (int i = 40; i < 43; i++) {
            capture("select " + i, 1_000);
        }
        tick();
        assertThat(markedRows()).containsExactly("selec oops");
        javafx.scene.control.TableRow<?> failed = failedRow();
        javafx.scene.control.TableRow<?> other = lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null && r != failed).findFirst().orElseThrow();
        assertThat(failed.getBackground()).as("the failed row looks different").isNotEqualTo(other.getBackground());
        interact(() -> {
            try {
                org.persistenceexplorer.testsupport.Snapshots.save(failed.getScene(), "log-failed-row");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<String> markedRows() {
        return lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("pe-failed")))
                .map(r -> ((LogRow) r.getItem()).statement().text()).toList();
    }

    private javafx.scene.control.TableRow<?> failedRow() {
        return lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((LogRow) r.getItem()).failed()).findFirst().orElseThrow();
    }

    private void capture(String text, long nanos) {
        capture(Engine.POSTGRESQL, StatementKind.ofSql(text), text, List.of(), nanos);
    }

    private void capture(Engine engine, StatementKind kind, String text, List<String> parameters, long nanos) {
        log.statementCaptured(new CapturedStatement(++sequence, Instant.now(), engine, kind, text, parameters,
                nanos, 1, 1, "worker", false, null, "test"));
    }

    private void tick() {
        interact(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<LogRow> table() {
        return lookup("#logTable").queryTableView();
    }

    private long lastVisibleSequence() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table().lookup(".virtual-flow");
        IndexedCell<?> last = flow.getLastVisibleCell();
        return ((LogRow) last.getItem()).sequence();
    }

    @Test
    void theSelectedRowStaysSelectedAndInViewThroughABurst() {
        for (int i = 0; i < StatementLogViewModel.MAX_ROWS; i++) {
            capture("SELECT " + i, 1_000_000);
        }
        tick();
        interact(() -> table().requestFocus());
        type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        LogRow chosen = table().getItems().get(2_000);
        interact(() -> {
            table().getSelectionModel().select(chosen);
            table().scrollTo(chosen);
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (int i = 0; i < 2_000; i++) {
            capture("SELECT late " + i, 1_000_000);
        }
        tick();

        assertThat(table().getSelectionModel().getSelectedItem()).isSameAs(chosen);
        assertThat(model.detailProperty().get()).isNotNull();
        VirtualFlow<?> flow = (VirtualFlow<?>) table().lookup(".virtual-flow");
        int at = table().getItems().indexOf(chosen);
        assertThat(at).isBetween(flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex());
    }

    @Test
    void rowsHaveAFixedHeightThatFollowsTheTextSize() {
        double everyday = table().getFixedCellSize();
        interact(() -> table().getScene().getRoot().setStyle("-fx-font-size: 26px;")); // 2x, as projector mode sets it
        WaitForAsyncUtils.waitForFxEvents();
        double projector = table().getFixedCellSize();
        interact(() -> table().getScene().getRoot().setStyle(""));
        assertThat(everyday).as("a fixed row height: the flow never measures rows").isPositive();
        assertThat(projector).as("twice the text, twice the row").isCloseTo(26 * 0.95 * 1.9, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aFullLogWhoseRowsAreReplacedStillShowsTheNewestRow() {
        for (int i = 0; i < StatementLogViewModel.MAX_ROWS; i++) {
            capture("SELECT " + i, 1_000_000);
        }
        tick();
        assertThat(lastVisibleSequence()).isEqualTo(StatementLogViewModel.MAX_ROWS);

        for (int burst = 1; burst <= 3; burst++) {
            for (int i = 0; i < 300; i++) {
                capture("SELECT late " + i, 1_000_000);
            }
            tick();
            assertThat(table().getItems()).hasSize(StatementLogViewModel.MAX_ROWS);
            assertThat(lastVisibleSequence()).as("after burst %d into the full log", burst)
                    .isEqualTo(StatementLogViewModel.MAX_ROWS + 300L * burst);
        }
    }

    @Test
    void theNewestRowIsInViewAfterABurstWhileTheReaderIsAtTheBottom() {
        for (int i = 0; i < 500; i++) {
            capture("SELECT " + i, 1_000_000);
        }
        tick();
        assertThat(lastVisibleSequence()).isEqualTo(500);

        for (int i = 0; i < 42; i++) {
            capture("SELECT more " + i, 1_000_000);
        }
        tick();
        assertThat(lastVisibleSequence()).isEqualTo(542);
    }

    @Test
    void aReaderWhoScrolledUpStaysWhereTheyAreAndSeesHowManyArrived() {
        for (int i = 0; i < 200; i++) {
            capture("SELECT " + i, 1_000_000);
        }
        tick();
        interact(() -> table().requestFocus());
        type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        long readerAt = lastVisibleSequence();
        assertThat(readerAt).isLessThan(200);

        for (int i = 0; i < 7; i++) {
            capture("SELECT late " + i, 1_000_000);
        }
        tick();
        assertThat(lastVisibleSequence()).isEqualTo(readerAt);
        Button newest = lookup("#logJumpToNewest").queryButton();
        assertThat(newest.isVisible()).isTrue();
        assertThat(newest.getText()).contains("7 new");

        clickOn(newest);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastVisibleSequence()).isEqualTo(207);
        assertThat(newest.isVisible()).isFalse();
    }

    @Test
    void tookAndNumberSortByTheirValuesNotTheirText() {
        capture("SELECT slow", 1_100_000_000L);   // 1.10 s
        capture("SELECT fast", 900_000);          // 0.9 ms
        capture("SELECT medium", 25_000_000);     // 25.0 ms
        for (int i = 0; i < 8; i++) {
            capture("SELECT filler " + i, 2_000_000);
        }
        tick();

        clickOn("#logTookColumn");
        assertThat(table().getItems().get(0).text()).isEqualTo("SELECT fast");
        assertThat(table().getItems().get(table().getItems().size() - 1).text()).isEqualTo("SELECT slow");

        clickOn("#logSequenceColumn");
        clickOn("#logSequenceColumn");   // descending: 11 before 9, as numbers
        assertThat(table().getItems()).extracting(LogRow::sequence).startsWith(11L, 10L, 9L);
    }

    @Test
    void theDetailPaneShowsALongStatementAndAHugeParameterInFull() {
        StringBuilder longSql = new StringBuilder("SELECT ");
        while (longSql.length() < 10_000) {
            longSql.append("column_").append(longSql.length()).append(", ");
        }
        longSql.append("1 FROM hr.employee");
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            people.add(Map.of("id", i, "name", "Person " + i));
        }
        String parameter = "people=" + people.toString().replace("=", ": ");
        capture(longSql.toString(), 1_000_000);
        capture(Engine.NEO4J, StatementKind.CYPHER_WRITE, "UNWIND $people AS person MERGE (p:Person {id: person.id})",
                List.of(parameter), 5_000_000);
        tick();

        interact(() -> table().getSelectionModel().select(0));
        TextArea text = lookup("#logDetailText").queryAs(TextArea.class);
        assertThat(text.getText().replaceAll("\\s+", " ")).startsWith(longSql.toString());
        assertThat(lookup("#logDetailCopyRunnable").tryQuery()).isEmpty();

        interact(() -> table().getSelectionModel().select(1));
        TextArea about = lookup("#logDetailText").queryAs(TextArea.class);
        assertThat(about.getText()).contains(parameter).contains("Thread: worker");
        assertThat(lookup("#logCopyRunnable").queryButton().getText()).isEqualTo("Copy as runnable Cypher");
    }

    @Test
    void summaryAndEmptyStateSpeakOfTheFilter() {
        capture("SELECT * FROM hr.employee", 1_000_000);
        capture("INSERT INTO hr.department VALUES (1)", 1_000_000);
        capture("SELECT 1", 1_000_000);
        tick();
        Label summary = lookup("#logSummary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("3 statements shown");

        clickOn("#logFilter").write("select");
        assertThat(summary.getText()).isEqualTo("2 of 3 statements match “select”");

        clickOn("#logFilter").write("zzz");
        assertThat(summary.getText()).isEqualTo("0 of 3 statements match “selectzzz”");
        Label empty = (Label) table().getPlaceholder();
        assertThat(empty.getText()).startsWith("No statement matches “selectzzz”").doesNotContain("No statements yet");
    }
}
