package org.persistenceexplorer.ui.orgchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.foreigngraph.MappingStore;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.ForeignCompany;
import org.persistenceexplorer.testsupport.Snapshots;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Map your graph…" as a user meets it on a Neo4j the app does not own ({@link ForeignCompany}
 * on the second-JVM server): the tab asks for a mapping, the dialog opens with the suggestion
 * filled in and its preview (the cycle named), Use closes it and the chart draws the graph's
 * top; opening a team reads it; the person panel says why the SQL side is empty. Writes
 * target/screenshots/orgmap-dialog.png and orgmap-chart.png (docs/ has copies).
 */
@ExtendWith(ApplicationExtension.class)
class MappingViewTest extends FxRobot {

    @TempDir
    static Path dataDir;
    private static ForeignCompany company;
    private OrgChartViewModel model;
    private OrgChartView view;
    private MappingDialog dialog;
    private Scene scene;

    @BeforeAll
    static void writeCompany() throws Exception {
        company = new ForeignCompany(dataDir, new StatementRecorder());
    }

    @AfterAll
    static void dropCompany() throws Exception {
        company.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("orgmap-view");
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        GraphMappings mappings = new GraphMappings(() -> "work graph", new MappingStore(folder), company.reader());
        model = new OrgChartViewModel(() -> List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP,
                "bolt://their-server:7687", false, "")), runner, null, mappings);
        view = new OrgChartView(model, null);
        dialog = new MappingDialog(runner, model);
        view.onMapGraph(dialog::show);
        scene = new Scene(ViewLoader.load(view), 1200, 720);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getStylesheets().add(getClass().getResource("/css/orgchart.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @Test
    void theDialogSuggestsAndPreviewsAndUseDrawsTheForeignChart() throws Exception {
        assertThat(lookup("#messageLabel").queryAs(Label.class).getText()).contains("Map your graph");
        assertThat(lookup("#syncButton").queryAs(Button.class).isDisabled()).as("no sync into their graph").isTrue();

        clickOn("#mapButton");
        WaitForAsyncUtils.waitForFxEvents();
        Stage mapping = dialog.stage();
        assertThat(mapping.isShowing()).isTrue();
        javafx.scene.Node root = mapping.getScene().getRoot();
        assertThat(from(root).lookup("#labelBox").<String>queryComboBox().getValue()).isEqualTo("Staff");
        assertThat(from(root).lookup("#keyBox").<String>queryComboBox().getValue()).isEqualTo("emp_no");
        assertThat(from(root).lookup("#nameBox").<String>queryComboBox().getValue()).isEqualTo("full_name");
        assertThat(from(root).lookup("#typeBox").<String>queryComboBox().getValue()).isEqualTo("MANAGES");
        assertThat(from(root).lookup("#fromButton").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(from(root).lookup("#previewLabel").queryAs(Label.class).getText())
                .startsWith("140 people, 1 root, 3 levels deep").contains("901, 902, 903");
        interact(() -> from(root).lookup("#departmentBox").<String>queryComboBox().setValue("IN_UNIT"));
        interact(() -> from(root).lookup("#roleBox").<String>queryComboBox().setValue("HOLDS"));
        assertThat(from(root).lookup("#useButton").queryAs(Button.class).isDisabled()).isFalse();
        interact(() -> save(mapping.getScene(), "orgmap-dialog"));

        clickOn(from(root).lookup("#useButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mapping.isShowing()).as("Use closes the dialog").isFalse();
        assertThat(view.canvas().drawnNodes()).as("the chief, the VPs and their leads").isEqualTo(16);

        // Open one lead's team: read when opened.
        ChartTree tree = model.treeProperty().get();
        long lead = tree.visible().stream().filter(id -> tree.member(id).name().equals("Lead 2-1")).findFirst().orElseThrow();
        interact(() -> model.toggle(lead));
        assertThat(view.canvas().drawnNodes()).isEqualTo(26);
        long person = tree.visible().stream().filter(id -> tree.depthOf(id) == 3).skip(2).findFirst().orElseThrow();
        interact(() -> model.focus(person));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#personName").queryAs(Label.class).getText()).startsWith("Person 2-1-");
        assertThat(lookup("#graphFacts").queryAs(Label.class).getText()).contains("Reports to: Lead 2-1")
                .contains("Department: Unit 2").contains("emp_no = 201");
        assertThat(lookup("#sqlFacts").queryAs(Label.class).getText()).contains("lives only in your graph");
        interact(() -> view.canvas().fit());
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> save(scene, "orgmap-chart"));
    }

    private static void save(Scene scene, String name) {
        try {
            Snapshots.save(scene, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
