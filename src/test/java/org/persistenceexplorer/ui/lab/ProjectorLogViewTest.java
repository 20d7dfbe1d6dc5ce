package org.persistenceexplorer.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.log.ShapeRow;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Projector mode's log as the back row sees it after a real lazy run at N = 100 (made off the FX
 * thread on the app's captured pool): the statement-by-statement table steps aside and one line
 * reads SELECT, ×100 and {@code select … from lab.employee where department_id=?}; leaving
 * projector mode brings the rows back.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLogViewTest extends FxRobot {

    private static OrmSessions orm;
    private static StatementLog log;

    @BeforeAll
    static void runLazily() throws Exception {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        LoadingLab lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder());
        lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, 100, 25, 0); // seeds if needed, before the log listens
        log = new StatementLog(20_000);
        TestEngines.sql().recorder().addListener(log);
        lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, 100, 25, 0);
        TestEngines.sql().recorder().removeListener(log);
    }

    @AfterAll
    static void close() {
        orm.close();
    }

    private final StatementLogViewModel model = new StatementLogViewModel(log);
    private StatementLogView view;

    @Start
    void start(Stage stage) {
        view = new StatementLogView(model);
        Scene scene = new Scene(ViewLoader.load(view), 1280, 360);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getRoot().setStyle("-fx-font-size: 26px;"); // 2x, as projector mode sets it
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theLazyRunReadsAsOneLineOfAHundredSelects() {
        interact(() -> {
            model.refresh();
            view.setReduced(true);
        });
        WaitForAsyncUtils.waitForFxEvents();

        TableView<ShapeRow> shapes = lookup("#logShapeTable").queryTableView();
        assertThat(shapes.isVisible()).isTrue();
        assertThat(lookup("#logTable").queryTableView().isVisible()).as("the rows step aside").isFalse();
        List<List<String>> lines = shownLines(shapes);
        assertThat(lines).contains(List.of("SELECT", "×100", "select … from lab.employee where department_id=?",
                "lab: Department.employees · lazy (N=100)"));
        assertThat(lines).extracting(line -> line.get(1)).as("begin, the departments, the employees, commit")
                .containsExactly("×1", "×1", "×100", "×1");

        interact(() -> view.setReduced(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#logTable").queryTableView().isVisible()).isTrue();
        assertThat(shapes.isVisible()).isFalse();
        assertThat(model.visibleRows()).hasSize(103);
    }

    /** What the drawn cells say, line by line (only lines on screen have cells). */
    private List<List<String>> shownLines(TableView<ShapeRow> shapes) {
        java.util.Map<Integer, String[]> byIndex = new java.util.TreeMap<>();
        for (javafx.scene.Node node : shapes.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getIndex() >= 0
                    && cell.getIndex() < shapes.getItems().size() && ((Labeled) cell).getText() != null) {
                int column = shapes.getVisibleLeafColumns().indexOf(cell.getTableColumn());
                byIndex.computeIfAbsent(cell.getIndex(), i -> new String[4])[column] = cell.getText();
            }
        }
        return byIndex.values().stream().map(List::of).toList();
    }
}
