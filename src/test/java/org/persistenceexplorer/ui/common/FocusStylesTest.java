package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard focus and the selected row can be seen: the stylesheet draws a ring on every tab stop. */
@ExtendWith(ApplicationExtension.class)
class FocusStylesTest extends FxRobot {

    private final StatementLog log = new StatementLog(100);
    private final StatementLogViewModel model = new StatementLogViewModel(log);

    @Start
    void start(Stage stage) {
        for (int i = 1; i <= 3; i++) {
            log.statementCaptured(new CapturedStatement(i, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT,
                    "SELECT " + i, List.of(), 1, 1, 1, "w", false, null, "a"));
        }
        model.refresh();
        TabPane tabs = new TabPane(new Tab("Tables"), new Tab("Migrations"));
        tabs.setId("tabs");
        Scene scene = new Scene(new VBox(tabs, ViewLoader.load(new StatementLogView(model))), 900, 500);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void focus(String query) {
        Node node = lookup(query).query();
        interact(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pauseTheTableAndTheTabHeadersShowFocus() {
        focus("#logPause");
        assertThat(lookup("#logPause").query().getEffect()).as("Pause").isNotNull();

        focus("#logTable");
        assertThat(lookup("#logTable").query().getEffect()).as("table").isNotNull();
        assertThat(lookup("#logPause").query().getEffect()).as("Pause after focus left").isNull();

        focus("#tabs");
        Region selectedTab = lookup(".tab:selected").queryAs(Region.class);
        assertThat(selectedTab.getBorder()).as("tab header").isNotNull();
        assertThat(selectedTab.getBorder().getStrokes()).isNotEmpty();
    }

    @Test
    void theSelectedRowStandsOut() {
        TableView<?> table = lookup("#logTable").queryTableView();
        interact(() -> table.getSelectionModel().select(1));
        focus("#logTable");
        List<TableRow<?>> rows = lookup(".table-row-cell").queryAll().stream()
                .<TableRow<?>>map(node -> (TableRow<?>) node).filter(r -> r.getItem() != null).toList();
        TableRow<?> selected = rows.stream().filter(TableRow::isSelected).findFirst().orElseThrow();
        TableRow<?> other = rows.stream().filter(r -> !r.isSelected()).findFirst().orElseThrow();
        assertThat(selected.getBackground().getFills().get(0).getFill())
                .isNotEqualTo(other.getBackground() == null ? null : other.getBackground().getFills().get(0).getFill());
    }
}
