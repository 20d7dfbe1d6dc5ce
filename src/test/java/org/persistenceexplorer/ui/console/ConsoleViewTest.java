package org.persistenceexplorer.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.service.console.Presets;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console as a user drives it, on the real engines with the app's background runner: run, cancel, explain. */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Preferences settings = Preferences.userRoot().node("org/persistenceexplorer/test/console-view-" + UUID.randomUUID());
    private ConsoleViewModel model;
    private ConsoleView view;
    private Stage stage;

    @org.junit.jupiter.api.BeforeAll
    static void engines() {
        ConsoleEngines.console(); // starts PostgreSQL, Neo4j and Hibernate off the FX thread, once
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ConsoleViewModel(new FxBackgroundRunner(2), ConsoleEngines.console(), new ConsoleHistory(settings), false);
        view = new ConsoleView(model);
        Scene scene = new Scene(ViewLoader.load(view), 1200, 800);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws BackingStoreException {
        interact(model::close);
        settings.removeNode();
    }

    @Test
    void ctrlEnterRunsTheStatementAndShowsTypedColumns() throws Exception {
        interact(() -> view.editor().replaceText("SELECT id, name FROM hr.department ORDER BY id;"));
        clickOn("#consoleEditor");
        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        TableView<?> table = awaitNode("#consoleResultTable", TableView.class);
        assertThat(table.getItems()).hasSize(8);
        assertThat(table.getColumns().get(1).getText()).isEqualTo("name\nvarchar");
        assertThat(lookup("#consoleStatus").queryAs(Label.class).getText()).contains("8 rows");
        snapshot("console-run");
    }

    @Test
    void nullAndMultiLineValuesShowOnOneLineOfTheSameHeight() throws Exception {
        interact(() -> view.editor().replaceText("SELECT 1 AS n, NULL::text AS missing, 'NULL' AS word, E'first\\nsecond' AS lines"));
        clickOn("#consoleRun");

        TableView<?> table = awaitNode("#consoleResultTable", TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> cells = lookup("#consoleResultTable .table-cell").queryAll().stream()
                .<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node).filter(cell -> !cell.isEmpty()).toList();
        TableCell<?, ?> missing = cells.stream().filter(cell -> cell.getTableColumn() == table.getColumns().get(1)).findFirst().orElseThrow();
        TableCell<?, ?> word = cells.stream().filter(cell -> cell.getTableColumn() == table.getColumns().get(2)).findFirst().orElseThrow();
        TableCell<?, ?> lines = cells.stream().filter(cell -> cell.getTableColumn() == table.getColumns().get(3)).findFirst().orElseThrow();
        // SQL NULL and the text 'NULL' read the same but look different: only NULL has the state.
        assertThat(missing.getText()).isEqualTo("NULL");
        assertThat(missing.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("sql-null"));
        assertThat(word.getText()).isEqualTo("NULL");
        assertThat(word.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("sql-null"));
        // A line break does not make the row taller: every row has the fixed height.
        assertThat(lines.getText()).isEqualTo("first⏎second");
        assertThat(table.getFixedCellSize()).isPositive();
        assertThat(lines.getHeight()).isEqualTo(missing.getHeight());
        snapshot("console-null-and-lines");
        String[] copied = new String[1];
        interact(() -> {
            view.copy();
            copied[0] = Clipboard.getSystemClipboard().getString();
        });
        // Copy takes the value, not the marker (tab-separated text keeps a row to a line its own way).
        assertThat(copied[0]).contains("first second").doesNotContain("⏎");
    }

    @Test
    void aTypedDotOffersTheSchemasTablesAndEnterPutsOneInPlace() throws Exception {
        interact(() -> {
            view.editor().replaceText("SELECT * FROM hr");
            view.editor().moveTo(view.editor().getLength());
        });
        clickOn("#consoleEditor");
        interact(() -> view.editor().moveTo(view.editor().getLength()));
        type(KeyCode.PERIOD);

        javafx.scene.control.ListView<?> list = awaitNode("#consoleCompletion", javafx.scene.control.ListView.class);
        Await.until(WAIT, () -> list.getScene().getWindow().isShowing() && !list.getItems().isEmpty(), "the completion list");
        assertThat(list.getItems()).extracting(Object::toString).anyMatch(s -> s.startsWith("employee"));
        type(KeyCode.E, KeyCode.M); // typing goes on in the editor and the list follows the word
        Await.until(WAIT, () -> list.getItems().size() == 2, "the list narrowed to employee and employee_project");
        type(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.editor().getText()).isEqualTo("SELECT * FROM hr.employee");
        assertThat(list.getScene().getWindow().isShowing()).isFalse();
    }

    @Test
    void ctrlEnterWithTheListOpenRunsTheStatementAndTakesNoSuggestion() throws Exception {
        interact(() -> view.editor().replaceText("SELECT count(*) FROM hr"));
        clickOn("#consoleEditor");
        interact(() -> view.editor().moveTo(view.editor().getLength()));
        type(KeyCode.PERIOD, KeyCode.D, KeyCode.E, KeyCode.P);
        javafx.scene.control.ListView<?> list = awaitNode("#consoleCompletion", javafx.scene.control.ListView.class);
        Await.until(WAIT, () -> list.getScene().getWindow().isShowing() && !list.getItems().isEmpty(), "the completion list");

        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        Await.until(WAIT, () -> lookup("#consoleStatus").queryAs(Label.class).getText().contains("statement"), "the statement ran");
        assertThat(view.editor().getText()).as("no suggestion put in").isEqualTo("SELECT count(*) FROM hr.dep");
        assertThat(list.getScene().getWindow().isShowing()).isFalse();
    }

    @Test
    void ctrlSpaceOffersKeywordsAndColumnsAndEscapeCloses() throws Exception {
        interact(() -> view.editor().replaceText("SELECT sal FROM hr.employee"));
        clickOn("#consoleEditor");
        interact(() -> view.editor().moveTo("SELECT sal".length()));
        press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);

        javafx.scene.control.ListView<?> list = awaitNode("#consoleCompletion", javafx.scene.control.ListView.class);
        Await.until(WAIT, () -> list.getScene().getWindow().isShowing() && !list.getItems().isEmpty(), "the completion list");
        assertThat(list.getItems()).extracting(Object::toString).first().asString().startsWith("salary  column");
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getScene().getWindow().isShowing()).isFalse();
        assertThat(view.editor().getText()).isEqualTo("SELECT sal FROM hr.employee");
    }

    @Test
    void cancelStopsTheQueryOnTheServer() throws Exception {
        interact(() -> view.editor().replaceText("SELECT pg_sleep(60) /* console-view-cancel */"));
        clickOn("#consoleRun");
        Await.until(WAIT, () -> activeOnServer() == 1, "the query running on the server");
        assertThat(model.runningProperty().get()).isTrue();

        clickOn("#consoleCancel");

        Await.until(WAIT, () -> !model.runningProperty().get(), "the run to end");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#consoleStatus").queryAs(Label.class).getText()).startsWith("Cancelled");
        Await.until(WAIT, () -> activeOnServer() == 0, "the query gone from the server");
    }

    @Test
    void explainAnalyzeShowsThePlanTreeWithTheSlowestStepMarked() throws Exception {
        var preset = Presets.all().stream().filter(p -> p.title().contains("recursive CTE")).findFirst().orElseThrow();
        interact(() -> {
            model.choosePreset(preset);
            view.editor().replaceText(preset.text());
        });
        clickOn("#consoleAnalyze");

        @SuppressWarnings("unchecked")
        TreeTableView<PlanNode> plan = awaitNode("#consolePlanTree", TreeTableView.class);
        assertThat(plan.getRoot().getChildren()).isNotEmpty();
        // The tree is virtual: only rows in view exist, so bring the slowest step into view (its row
        // may be below the fold, e.g. when an earlier test left a larger text size behind).
        interact(() -> {
            plan.layout();
            for (int i = 0; i < plan.getExpandedItemCount(); i++) {
                TreeItem<PlanNode> item = plan.getTreeItem(i);
                if (item != null && item.getValue() != null && item.getValue().slowest()) {
                    plan.scrollTo(i);
                    break;
                }
            }
        });
        // Rows exist once the tree has been laid out (a pulse later, on a loaded machine several).
        Await.until(WAIT, () -> WaitForAsyncUtils.waitForAsyncFx(10_000, () -> !lookup(".pe-plan-slowest").queryAll().isEmpty()), "the slowest row drawn");
        assertThat(lookup(".pe-plan-slowest").queryAll()).allMatch(n -> n instanceof TreeTableRow<?>);
        assertThat(lookup("#consoleResultNote").queryAs(Label.class).getText()).contains("Slowest step");
        assertThat(lookup("#consoleResults").queryAs(TabPane.class).getTabs().get(0).getText()).isEqualTo("EXPLAIN ANALYZE");
        snapshot("console-explain-analyze");
    }

    @Test
    void aBrokenQueryShowsTheServersMessageAndMarksItsPlace() throws Exception {
        interact(() -> view.editor().replaceText("SELECT name\nFROM hr.employe\nWHERE id = 1"));
        clickOn("#consoleRun");

        Label error = awaitNode("#consoleError", Label.class);
        Await.until(WAIT, () -> !model.runningProperty().get() && !model.errorProperty().get().isEmpty(),
                "the run failing; status: " + model.statusProperty().get());
        Await.until(WAIT, () -> error.isVisible(), "the error shown");
        snapshot("console-error");
        assertThat(error.getText()).contains("relation \"hr.employe\" does not exist");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.editor().getCaretPosition()).isEqualTo("SELECT name\nFROM ".length());
        assertThat(view.editor().getStyleAtPosition("SELECT name\nFROM ".length() + 1)).contains("error-mark");
    }

    @Test
    void theRecursivePresetShowsTheChainHqlItsSqlAndCypherProfilesAShortestPath() throws Exception {
        choose("The management chain of a person (recursive CTE)");
        clickOn("#consoleRun");
        TableView<?> chain = awaitNode("#consoleResultTable", TableView.class);
        Await.until(WAIT, () -> chain.getItems().size() >= 3, "the chain");
        snapshot("console-recursive-cte");

        choose("Salary statistics per department (HQL GROUP BY / HAVING)");
        clickOn("#consoleRun");
        Await.until(WAIT, () -> model.generatedSqlProperty().get().contains("group by"), "Hibernate's SQL shown");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#consoleGeneratedSql").queryAs(javafx.scene.control.TextArea.class).getText()).contains("having");
        snapshot("console-hql-sql");

        choose("Shortest path between two people (reporting line)");
        clickOn("#consoleAnalyze");
        Await.until(WAIT, () -> model.results().stream().anyMatch(r -> r.kind() == ResultView.Kind.PLAN), "the profile");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            TabPane tabs = lookup("#consoleResults").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#consoleAnalyze").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Profile");
        Await.until(WAIT, () -> WaitForAsyncUtils.waitForAsyncFx(10_000, () -> !lookup(".pe-plan-slowest").queryAll().isEmpty()), "the busiest operator drawn");
        snapshot("console-cypher-profile");
    }

    private void choose(String title) {
        var preset = Presets.all().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
        interact(() -> {
            model.choosePreset(preset);
            view.editor().replaceText(preset.text());
        });
    }

    private void snapshot(String name) {
        interact(() -> {
            try {
                Snapshots.save(stage.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private <T> T awaitNode(String query, Class<T> type) {
        Await.until(WAIT, () -> WaitForAsyncUtils.waitForAsyncFx(10_000, () -> !lookup(query).queryAll().isEmpty()), query + " shown");
        WaitForAsyncUtils.waitForFxEvents();
        return type.cast(lookup(query).query());
    }

    private static long activeOnServer() {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     + "AND query LIKE '%console-view-cancel%' AND query NOT LIKE '%pg_stat_activity%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
