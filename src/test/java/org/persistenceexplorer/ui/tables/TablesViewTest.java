package org.persistenceexplorer.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.TableSummary;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.BackgroundRunner;
import org.persistenceexplorer.ui.common.FxBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tables tab as a user meets it, on the real server with the app's runner: browse, page to
 * the end of a long table, filter, edit a salary in entity mode, delete a row. Works on a schema
 * and an employee of its own.
 */
@ExtendWith(ApplicationExtension.class)
public class TablesViewTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Rows of view_test.wide: longer than the grid's window, so the window moves. */
    private static final int WIDE = 25_000;
    private static final StatementLog LOG = new StatementLog();
    private static OrmSessions orm;
    private static DataSource dataSource;
    private FxBackgroundRunner runner;
    private TablesViewModel model;

    /** A view on services whose engine never starts: enough to load the FXML. */
    public static TablesView view(BackgroundRunner runner, StatementLog log) {
        Supplier<DataSource> none = () -> {
            throw new IllegalStateException("PostgreSQL is not up yet");
        };
        return new TablesView(new TablesViewModel(runner, new TableCatalog(none), new TableRows(none),
                new EntityEditing(new OrmSessions(none, List.of()), log), new LargeHr(none, new HrGenerator(none)),
                new RowEditing(none, log, new RowChanges())));
    }

    @BeforeAll
    static void engines() throws Exception {
        dataSource = TestEngines.sql().database().dataSource();
        TestEngines.sql().recorder().addListener(LOG);
        orm = new OrmSessions(() -> dataSource, HrModel.ENTITIES);
        orm.open();
        sql("DROP SCHEMA IF EXISTS view_test CASCADE", "CREATE SCHEMA view_test",
                "CREATE TABLE view_test.long (id int PRIMARY KEY, label text)",
                "INSERT INTO view_test.long SELECT g, 'row ' || g FROM generate_series(1, 5000) g",
                "CREATE TABLE view_test.wide (id int PRIMARY KEY, label text)",
                "INSERT INTO view_test.wide SELECT g, 'row ' || g FROM generate_series(1, " + WIDE + ") g");
    }

    @AfterAll
    static void close() throws Exception {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
        sql("DROP SCHEMA IF EXISTS view_test CASCADE");
    }

    @AfterEach
    void removeOwnRows() throws Exception {
        interact(model::close);
        runner.close();
        sql("DELETE FROM hr.employee WHERE email LIKE 'view.test.%'");
    }

    private static String sql(String... statements) throws Exception {
        String last = null;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                if (s.execute(statement)) {
                    try (ResultSet r = s.getResultSet()) {
                        last = r.next() ? r.getString(1) : null;
                    }
                }
            }
        }
        return last;
    }

    @Start
    void start(Stage stage) {
        runner = new FxBackgroundRunner(4);
        model = new TablesViewModel(runner, new TableCatalog(() -> dataSource), new TableRows(() -> dataSource),
                new EntityEditing(orm, LOG), new LargeHr(() -> dataSource, new HrGenerator(() -> dataSource)),
                new RowEditing(() -> dataSource, LOG, new RowChanges()));
        Scene scene = new Scene(ViewLoader.load(new TablesView(model)), 1260, 780);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getStylesheets().add(getClass().getResource("/css/tables.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    private TableView<GridRow> grid() {
        return lookup("#grid").queryTableView();
    }

    private void until(String what, java.util.function.BooleanSupplier condition) {
        Await.until(WAIT, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] holds = new boolean[1];
            interact(() -> holds[0] = condition.getAsBoolean());
            return holds[0];
        }, what);
    }

    private String cell(int row, int column) {
        GridRow item = grid().getItems().get(row);
        return item == null ? null : item.values().get(column);
    }

    @Test
    void browsingPicksATableFromTheSchemaTree() {
        until("hr.employee open", () -> grid().getItems().size() == 300 && cell(0, 0) != null);
        TreeView<Object> tree = lookup("#schemaTree").query();
        until("tree filled", () -> tree.getRoot().getChildren().stream().anyMatch(s -> s.getValue().equals("hr")));
        TreeItem<Object> department = tree.getRoot().getChildren().stream().filter(s -> s.getValue().equals("hr"))
                .findFirst().orElseThrow().getChildren().stream()
                .filter(t -> ((TableSummary) t.getValue()).ref().name().equals("department")).findFirst().orElseThrow();
        interact(() -> tree.getSelectionModel().select(department));
        until("departments shown", () -> grid().getItems().size() == 8 && "Executive".equals(cell(0, 1)));
        assertThat(lookup("#tableTitle").queryAs(Label.class).getText()).isEqualTo("hr.department");
    }

    @Test
    void clickingAForeignKeyOpensTheReferencedTableAtThatRow() {
        until("hr.employee open", () -> "hr.employee".equals(lookup("#tableTitle").queryAs(Label.class).getText())
                && grid().getItems().size() == 300 && cell(0, 0) != null);
        int departmentColumn = grid().getColumns().stream().map(c -> (String) c.getUserData()).toList().indexOf("department_id");
        String department = cell(0, departmentColumn);
        // The link is in a virtualised cell: the column must be scrolled into the grid's view first (a
        // cell right of the viewport is still laid out, under the entity panel, where a click lands on
        // the panel), and the first row's cell drawn with its value (the page arrives after the table
        // opens, the cells after the next layout). Then it is clicked like a user, through the robot.
        interact(() -> grid().scrollToColumn(grid().getColumns().get(departmentColumn)));
        javafx.scene.Node[] link = new javafx.scene.Node[1];
        until("the first row's department link drawn", () -> {
            link[0] = departmentLink(departmentColumn, department);
            return link[0] != null;
        });
        clickOn(link[0]);

        until("hr.department open at that id", () -> "hr.department".equals(lookup("#tableTitle").queryAs(Label.class).getText())
                && grid().getItems().size() == 1 && department.equals(cell(0, 0)));
        assertThat(lookup(".pe-filter-chip").queryAs(javafx.scene.control.Labeled.class).getText())
                .contains("id").contains(department);
    }

    /** True when the cell's centre is inside the grid (not laid out beside it, where the panel covers it). */
    private boolean inView(javafx.scene.Node cell) {
        javafx.geometry.Bounds shown = grid().localToScene(grid().getLayoutBounds());
        javafx.geometry.Bounds b = cell.localToScene(cell.getLayoutBounds());
        return shown.contains(b.getCenterX(), b.getCenterY());
    }

    /** The drawn, visible cell of row 0 in the foreign-key column that shows the value as a link (null until there). */
    private javafx.scene.Node departmentLink(int column, String value) {
        for (javafx.scene.Node node : grid().lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getIndex() == 0 && cell.isVisible()
                    && cell.getTableColumn() == grid().getColumns().get(column) && inView(cell)) {
                if (cell.getGraphic() instanceof javafx.scene.control.Hyperlink hyperlink && value.equals(hyperlink.getText())) {
                    return hyperlink;
                }
                if (cell.getGraphic() == null && value.equals(cell.getText())
                        && cell.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("linked"))) {
                    return cell;
                }
            }
        }
        return null;
    }

    @Test
    void scrollingToTheEndOfALongTableBringsItsLastPage() {
        interact(() -> model.open(new TableRef("view_test", "long")));
        until("opened", () -> grid().getItems().size() == 5000);
        interact(() -> grid().scrollTo(4999));
        until("last row loaded", () -> "5000".equals(cell(4999, 0)));
        assertThat(lookup("#gridStatus").queryAs(Label.class).getText()).contains("5,000 rows");
    }

    private javafx.scene.control.ScrollBar gridScroll() {
        return lookup("#gridScroll").query();
    }

    /** The id of the first row on screen (partly or wholly), or null while it loads. */
    @SuppressWarnings("unchecked")
    private String topRowId() {
        var flow = (javafx.scene.control.skin.VirtualFlow<javafx.scene.control.TableRow<GridRow>>) grid().lookup(".virtual-flow");
        var first = flow.getFirstVisibleCell();
        return first == null || first.getItem() == null ? null : first.getItem().values().get(0);
    }

    /** The id of the last row on screen (partly or wholly), or null while it loads. */
    @SuppressWarnings("unchecked")
    private String bottomRowId() {
        var flow = (javafx.scene.control.skin.VirtualFlow<javafx.scene.control.TableRow<GridRow>>) grid().lookup(".virtual-flow");
        var last = flow.getLastVisibleCell();
        return last == null || last.getItem() == null ? null : last.getItem().values().get(0);
    }

    @Test
    void aTableLongerThanTheWindowScrollsWithTheGridsOwnBarToItsEndAndBackTheSelectionStays() {
        interact(() -> model.open(new TableRef("view_test", "wide")));
        until("opened in a window", () -> gridScroll().isVisible() && grid().getItems().size() == RowGridViewModel.WINDOW_ROWS
                && gridScroll().getMax() > WIDE - 100 && "1".equals(topRowId()));

        interact(() -> gridScroll().setValue(gridScroll().getMax())); // the thumb dragged to the end
        until("the last row on screen", () -> {
            GridRow last = grid().getItems().get(grid().getItems().size() - 1);
            return last != null && String.valueOf(WIDE).equals(last.values().get(0));
        });

        interact(() -> gridScroll().setValue(12_345));
        until("row 12,346 at the top", () -> "12346".equals(topRowId()));
        int at = model.grid().window().window().toWindow(12_345);
        interact(() -> grid().getSelectionModel().clearAndSelect(at));
        until("the row in the form", () -> lookup("#field-label").tryQuery().isPresent()
                && "row 12346".equals(lookup("#field-label").queryAs(TextField.class).getText()));
        interact(() -> lookup("#field-label").queryAs(TextField.class).setText("typed, not saved"));
        int startBefore = model.grid().window().window().start();

        interact(() -> gridScroll().setValue(15_345)); // near the window's end: it moves, the selected row stays inside
        until("row 15,346 at the top", () -> "15346".equals(topRowId()));
        assertThat(model.grid().window().window().start()).as("the window moved").isNotEqualTo(startBefore);
        assertThat(grid().getSelectionModel().getSelectedItem().values().get(0)).isEqualTo("12346");
        assertThat(lookup("#field-label").queryAs(TextField.class).getText()).as("the form was not reloaded")
                .isEqualTo("typed, not saved");

        interact(() -> gridScroll().setValue(0));
        until("back at the first row", () -> "1".equals(topRowId()) && model.grid().window().window().start() == 0);
    }

    @Test
    void endAndHomeGoToTheLastAndFirstRowOfTheWholeResultNotOfTheWindow() {
        interact(() -> model.open(new TableRef("view_test", "wide")));
        until("opened in a window", () -> gridScroll().isVisible() && "1".equals(topRowId()));
        interact(() -> grid().getSelectionModel().clearAndSelect(3));
        interact(() -> grid().requestFocus());

        push(KeyCode.END);
        until("the result's last row selected and on screen, the grid's bar at its end", () -> {
            GridRow selected = grid().getSelectionModel().getSelectedItem();
            return selected != null && String.valueOf(WIDE).equals(selected.values().get(0))
                    && String.valueOf(WIDE).equals(bottomRowId()) && gridScroll().getValue() >= gridScroll().getMax() - 1;
        });

        push(KeyCode.HOME);
        until("the result's first row selected, on top", () -> {
            GridRow selected = grid().getSelectionModel().getSelectedItem();
            return selected != null && "1".equals(selected.values().get(0)) && "1".equals(topRowId())
                    && gridScroll().getValue() == 0;
        });

        press(KeyCode.CONTROL).press(KeyCode.END).release(KeyCode.END).release(KeyCode.CONTROL);
        until("Ctrl+End: the last row focused", () -> {
            GridRow focused = grid().getFocusModel().getFocusedItem();
            return focused != null && String.valueOf(WIDE).equals(focused.values().get(0));
        });
        assertThat(grid().getSelectionModel().getSelectedIndices()).as("focused, not selected")
                .doesNotContain(grid().getFocusModel().getFocusedIndex());
    }

    @Test
    void ctrlASaysHowManyOfTheResultsRowsAreSelectedAndCopySaysWhatItTook() {
        interact(() -> model.open(new TableRef("view_test", "wide")));
        until("opened in a window", () -> gridScroll().isVisible() && "1".equals(topRowId()));
        interact(() -> grid().requestFocus());

        press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        until("all the table holds selected", () -> grid().getSelectionModel().getSelectedIndices().size()
                == RowGridViewModel.WINDOW_ROWS);
        assertThat(lookup("#selectionNote").queryAs(Label.class).getText())
                .isEqualTo(String.format("%,d of %,d rows selected (the rows around the view): copy takes the loaded ones "
                        + "of them; Export CSV writes all %,d.", RowGridViewModel.WINDOW_ROWS, WIDE, WIDE));

        press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        until("copy said what it took", () -> lookup("#selectionNote").queryAs(Label.class).getText().startsWith("Copied "));
        String note = lookup("#selectionNote").queryAs(Label.class).getText();
        int copied = Integer.parseInt(note.substring("Copied ".length(), note.indexOf(" of ")).replace(",", ""));
        assertThat(note).endsWith(String.format(" of %,d rows (only loaded rows are copied); Export CSV writes all %,d.", WIDE, WIDE));
        String[] clipboard = new String[1];
        interact(() -> clipboard[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clipboard[0].lines().count()).as("the copied lines").isEqualTo(copied).isPositive();

        interact(() -> grid().getSelectionModel().clearAndSelect(2));
        assertThat(lookup("#selectionNote").queryAs(Label.class).getText()).as("one row picked: no note").isEmpty();
    }

    @Test
    void scrollingTheTableNearTheWindowsEdgeMovesTheWindowAndKeepsTheRowsOnScreen() {
        interact(() -> model.open(new TableRef("view_test", "wide")));
        until("opened in a window", () -> gridScroll().isVisible() && "1".equals(topRowId()));
        interact(() -> grid().scrollTo(RowGridViewModel.WINDOW_ROWS - 40)); // as far as keys or the wheel go in it

        until("the window moved, the same row on top", () -> model.grid().window().window().start() > 0
                && String.valueOf(RowGridViewModel.WINDOW_ROWS - 39).equals(topRowId()));
        assertThat(gridScroll().getValue()).as("the grid's bar follows").isEqualTo(RowGridViewModel.WINDOW_ROWS - 40);
    }

    @Test
    void theRowHeightFollowsTheTextSizeSoProjectorSizedTextIsNotCut() {
        interact(() -> model.open(new TableRef("view_test", "long")));
        until("opened", () -> "1".equals(topRowId()));
        assertThat(grid().getFixedCellSize()).as("the everyday size").isEqualTo(24);
        double labelWidth = grid().getColumns().get(1).getPrefWidth();
        javafx.scene.Parent root = grid().getScene().getRoot();
        interact(() -> root.setStyle("-fx-font-size: 32.5px;")); // what UiScale sets at 2.5x (projector mode)
        try {
            until("taller rows", () -> grid().getFixedCellSize() == Math.ceil(32.5 * 0.95 * GridWindow.ROW_EM));
            assertThat(grid().getColumns().get(1).getPrefWidth()).as("columns grow with the text")
                    .isCloseTo(labelWidth * 2.5, org.assertj.core.data.Percentage.withPercentage(2));
            until("rows laid out at that height", () -> {
                var row = (javafx.scene.control.TableRow<?>) grid().lookup(".table-row-cell");
                return row != null && row.getHeight() == grid().getFixedCellSize();
            });
            for (javafx.scene.Node text : grid().lookupAll(".table-cell > .text")) {
                if (text.isVisible() && text.getParent() instanceof javafx.scene.control.TableCell<?, ?> cell && !cell.isEmpty()) {
                    assertThat(text.getLayoutBounds().getHeight()).as("the text fits its row")
                            .isLessThanOrEqualTo(cell.getHeight());
                }
            }
        } finally {
            interact(() -> root.setStyle(""));
        }
        until("back to the everyday size", () -> grid().getFixedCellSize() == 24);
        assertThat(grid().getColumns().get(1).getPrefWidth()).isCloseTo(labelWidth, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void aFilterFromTheBuilderNarrowsTheRows() {
        interact(() -> model.open(new TableRef("view_test", "long")));
        until("opened", () -> grid().getItems().size() == 5000);
        interact(() -> lookup("#filterColumn").queryComboBox().getSelectionModel().select("label"));
        interact(() -> lookup("#filterOperator").queryComboBox().getSelectionModel()
                .select(org.persistenceexplorer.service.tables.FilterOperator.EQUALS));
        clickOn("#filterValue").write("row 4321'; drop table view_test.long; --");
        clickOn("#addFilter");
        until("no row matches", () -> grid().getItems().isEmpty());
        clickOn(".pe-filter-chip");
        until("all rows back", () -> grid().getItems().size() == 5000);
        clickOn("#filterValue").write("row 4321");
        clickOn("#addFilter");
        until("one row", () -> grid().getItems().size() == 1 && "4321".equals(cell(0, 0)));
    }

    @Test
    void editingASalaryShowsTheUpdateAndTheDetachedEntityAColleaguesEmailIsRefusedThenDeleteRemovesIt() throws Exception {
        String id = sql("INSERT INTO hr.employee (name, email, title, salary, hired_on, department_id, manager_id) "
                + "VALUES ('View Test', 'view.test.one@example.com', 'Tester', 42000, '2022-05-06', 2, 1) RETURNING id");
        until("hr.employee open", () -> grid().getItems().size() >= 300);
        interact(() -> model.grid().addFilter(new org.persistenceexplorer.service.tables.RowFilter("id",
                org.persistenceexplorer.service.tables.FilterOperator.EQUALS, id)));
        until("own row", () -> grid().getItems().size() == 1 && cell(0, 0) != null);
        interact(() -> grid().getSelectionModel().select(0));
        until("managed", () -> "managed".equals(lookup("#entityState").queryAs(Label.class).getText()));

        TextField salary = lookup("#field-salary").query();
        interact(() -> salary.setText("43000.00"));
        interact(() -> lookup("#entitySave").queryButton().fire());
        until("detached", () -> "detached".equals(lookup("#entityState").queryAs(Label.class).getText()));
        ListView<String> statements = lookup("#entityStatements").query();
        assertThat(statements.getItems()).anySatisfy(s -> assertThat(s)
                .contains("[tables: save] update hr.employee set salary=?,version=? where id=? and version=?"));
        assertThat(sql("SELECT salary FROM hr.employee WHERE id = " + id)).isEqualTo("43000.00");
        interact(() -> {
            try {
                Snapshots.save(grid().getScene(), "tables-entity-saved");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        TextField email = lookup("#field-email").query();
        interact(() -> email.setText("sara.cruz@example.com"));
        interact(() -> lookup("#entitySave").queryButton().fire());
        until("refused", () -> lookup("#entityMessage").queryAs(Label.class).getText().contains("employee_email_key"));
        assertThat(lookup("#entityMessage").queryAs(Label.class).getText()).contains("email = 'sara.cruz@example.com'");
        until("the database's email again", () -> "view.test.one@example.com".equals(
                lookup("#field-email").queryAs(TextField.class).getText()));
        assertThat(sql("SELECT email FROM hr.employee WHERE id = " + id)).isEqualTo("view.test.one@example.com");

        WaitForAsyncUtils.asyncFx(() -> lookup("#entityDelete").queryButton().fire());
        until("asked", () -> lookup(".dialog-pane").tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match(b -> ((Button) b).getText().equals("OK")).queryButton());
        until("deleted", () -> lookup("#entityMessage").queryAs(Label.class).getText().startsWith("Deleted"));
        assertThat(sql("SELECT count(*) FROM hr.employee WHERE id = " + id)).isEqualTo("0");
        until("grid empty again", () -> grid().getItems().isEmpty());
    }

    @Test
    void theModelTabShowsTheMappingAndFollowingRelationshipsOpensTheirEntitiesInPlace() throws Exception {
        String id = sql("INSERT INTO hr.employee (name, email, title, salary, hired_on, department_id, manager_id) "
                + "VALUES ('View Test Two', 'view.test.two@example.com', 'Tester', 42000, '2022-05-06', 2, 1) RETURNING id");
        until("hr.employee open", () -> grid().getItems().size() >= 300);
        interact(() -> model.grid().addFilter(new org.persistenceexplorer.service.tables.RowFilter("id",
                org.persistenceexplorer.service.tables.FilterOperator.EQUALS, id)));
        until("own row", () -> grid().getItems().size() == 1 && cell(0, 0) != null);
        interact(() -> grid().getSelectionModel().select(0));
        until("managed", () -> "managed".equals(lookup("#entityState").queryAs(Label.class).getText()));

        javafx.scene.control.TabPane side = lookup("#sideTabs").query();
        interact(() -> side.getSelectionModel().select(1));
        ListView<ModelLine> mapping = lookup("#modelList").query();
        until("the mapping", () -> mapping.getItems().stream().anyMatch(l -> l.text().equals("Entity Employee")));
        assertThat(mapping.getItems()).extracting(ModelLine::text).contains("manager → Employee   MANY_TO_ONE",
                "dynamic update: an UPDATE names only the changed columns");
        interact(() -> {
            try {
                Snapshots.save(grid().getScene(), "tables-entity-model");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        interact(() -> side.getSelectionModel().select(0));
        until("relationships offered", () -> lookup("#follow-manager").tryQuery().isPresent());
        interact(() -> lookup("#follow-manager").queryButton().fire());
        until("the manager in place", () -> lookup("#entityTrail").queryAs(Label.class).getText()
                .equals("Employee " + id + " → manager → Employee 1"));
        assertThat(lookup("#field-id").queryAs(TextField.class).getText()).isEqualTo("1");
        until("his relationships", () -> lookup("#follow-subordinates").tryQuery().isPresent());
        interact(() -> lookup("#follow-subordinates").queryButton().fire());
        ListView<Object> related = lookup("#relatedList").query();
        until("his reports listed", () -> related.getItems().size() > 1);
        ListView<String> statements = lookup("#entityStatements").query();
        assertThat(statements.getItems()).anySatisfy(s -> assertThat(s).contains("[tables: navigate] select")
                .contains("manager_id=?"));
        interact(() -> related.getSelectionModel().select(0));
        interact(() -> lookup("#openRelated").queryButton().fire());
        until("a report in place", () -> lookup("#entityTrail").queryAs(Label.class).getText()
                .matches("Employee " + id + " → manager → Employee 1 → Employee \\d+"));
        assertThat(lookup("#entityState").queryAs(Label.class).getText()).isEqualTo("managed");
        interact(() -> {
            try {
                Snapshots.save(grid().getScene(), "tables-navigate");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aTableWithoutEntityIsEditedWithPlainSqlAndTheDeleteIsAskedFirst() throws Exception {
        interact(() -> model.open(new TableRef("view_test", "long")));
        until("opened", () -> grid().getItems().size() == 5000 && cell(1, 0) != null);
        until("plain mode", () -> lookup("#entityTitle").queryAs(Label.class).getText().equals("Plain SQL: view_test.long"));
        interact(() -> grid().getSelectionModel().select(1));
        until("the row in the form", () -> lookup("#field-label").tryQuery().isPresent()
                && "row 2".equals(lookup("#field-label").queryAs(TextField.class).getText()));
        assertThat(lookup("#field-id").queryAs(TextField.class).isEditable()).isTrue();
        interact(() -> lookup("#field-label").queryAs(TextField.class).setText("second row, edited"));
        interact(() -> lookup("#entitySave").queryButton().fire());
        until("saved", () -> lookup("#entityMessage").queryAs(Label.class).getText().equals("Saved: one row updated."));
        assertThat(sql("SELECT label FROM view_test.long WHERE id = 2")).isEqualTo("second row, edited");
        ListView<String> statements = lookup("#entityStatements").query();
        assertThat(statements.getItems()).anySatisfy(s -> assertThat(s).contains("[tables: save] UPDATE \"view_test\".\"long\" "
                + "SET \"label\" = CAST(? AS text) WHERE \"id\" = CAST(? AS integer)"));
        until("the grid reads again", () -> "second row, edited".equals(cell(1, 1)));

        WaitForAsyncUtils.asyncFx(() -> lookup("#entityDelete").queryButton().fire());
        until("asked", () -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(sql("SELECT count(*) FROM view_test.long WHERE id = 2")).as("nothing before OK").isEqualTo("1");
        clickOn(lookup(".dialog-pane .button").match(b -> ((Button) b).getText().equals("Cancel")).queryButton());
        assertThat(sql("SELECT count(*) FROM view_test.long WHERE id = 2")).as("cancelled").isEqualTo("1");
        WaitForAsyncUtils.asyncFx(() -> lookup("#entityDelete").queryButton().fire());
        until("asked again", () -> lookup(".dialog-pane").tryQuery().isPresent());
        clickOn(lookup(".dialog-pane .button").match(b -> ((Button) b).getText().equals("OK")).queryButton());
        until("deleted", () -> lookup("#entityMessage").queryAs(Label.class).getText().equals("Deleted: one row."));
        assertThat(sql("SELECT count(*) FROM view_test.long WHERE id = 2")).isEqualTo("0");
        until("4,999 rows", () -> grid().getItems().size() == 4999);
        sql("INSERT INTO view_test.long VALUES (2, 'row 2')");
    }
}
