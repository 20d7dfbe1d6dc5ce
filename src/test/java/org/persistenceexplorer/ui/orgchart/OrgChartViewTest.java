package org.persistenceexplorer.ui.orgchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.graphstream.ui.geom.Point3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.DelegationResolver;
import org.persistenceexplorer.service.orggraph.Delegations;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orggraph.OrgGraphReader;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfiles;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tab as a user meets it, on a company of its own (schema chart_view_test, ids from
 * 940001) synced into the shared Neo4j: search and focus, open and close a team, click a
 * person for the cross-store profile, a second click answered by the cache.
 */
@ExtendWith(ApplicationExtension.class)
class OrgChartViewTest extends FxRobot {

    private static final String SCHEMA = "chart_view_test";
    private OrgChartViewModel model;
    private OrgChartView view;

    private static TestCompany company;

    @BeforeAll
    static void createCompany() throws SQLException {
        company = new TestCompany(SCHEMA, 940_001);
        sql("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Board', 1), (2, 'Engineering', 1), (3, 'Sales', 1)");
        sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(940001, 'Iris Head', 'i@v', 'Chief Executive Officer', 300000, '2001-01-01', 1, NULL),"
                + "(940002, 'Jon Eng', 'j@v', 'VP of Engineering', 200000, '2002-01-01', 2, 940001),"
                + "(940003, 'Kim Sales', 'k@v', 'VP of Sales', 200000, '2003-01-01', 3, 940001),"
                + "(940004, 'Lou Coder', 'l@v', 'Developer', 91000, '2014-05-06', 2, 940002),"
                + "(940005, 'Max Coder', 'm@v', 'Developer', 92000, '2015-01-01', 2, 940002),"
                + "(940006, 'Ned Seller', 'n@v', 'Account Executive', 70000, '2016-01-01', 3, 940003)");
        sql("INSERT INTO " + SCHEMA + ".project (id, name, department_id, started_on) VALUES (1, 'Apollo', 2, '2020-01-01')");
        sql("INSERT INTO " + SCHEMA + ".employee_project (employee_id, project_id) VALUES (940004, 1)");
        company.services().sync().sync(Progress.NONE);
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        company.drop();
    }

    @Start
    void start(Stage stage) {
        OrgChartServices services = company.services();
        model = new OrgChartViewModel(() -> List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "test:7687", true, "")),
                new InlineBackgroundRunner(), services);
        view = new OrgChartView(model, null);
        Scene scene = new Scene(ViewLoader.load(view), 1200, 700);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh(); // Neo4j is up: the chart loads by itself
    }

    @Test
    void theKeysPanAndZoomTheChartAndHomeFitsItAgain() {
        interact(() -> view.canvas().fit());
        // a press on the chart gives it the keyboard (a drag-free press on empty space selects nobody)
        Point2D corner = lookup("#chartHolder").query().localToScreen(8, 8);
        moveTo(corner).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = view.canvas().viewPercent();

        type(javafx.scene.input.KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.canvas().viewPercent()).as("+ zooms in").isLessThan(fitted);

        double x = view.canvas().viewCentre().x;
        type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.canvas().viewCentre().x).as("the right arrow moves the view right").isGreaterThan(x);
        double y = view.canvas().viewCentre().y;
        type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.canvas().viewCentre().y).as("down moves the view down (graph y grows upwards)").isLessThan(y);

        type(javafx.scene.input.KeyCode.MINUS);
        type(javafx.scene.input.KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.canvas().viewPercent()).as("- zooms out").isGreaterThan(fitted);

        type(javafx.scene.input.KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.canvas().viewPercent()).as("Home fits the chart").isEqualTo(1.0);
    }

    @Test
    void searchFocusesThePersonExpandAndCollapseAndTheSecondClickIsACacheHit() throws Exception {
        assertThat(lookup("#featureDetail").queryAs(Label.class).getText()).startsWith("Neo4j is up");
        assertThat(view.canvas().drawnNodes()).isEqualTo(6);

        clickOn("#searchField").write("Lou");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#searchField").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.selectedProperty().get()).isEqualTo(940_004L);
        assertThat(model.highlightProperty().get()).as("the chain above is marked").containsExactly(940_002L, 940_001L);
        assertThat(lookup("#personName").queryAs(Label.class).getText()).startsWith("Lou Coder");
        assertThat(lookup("#graphFacts").queryAs(Label.class).getText()).contains("Jon Eng → Iris Head");
        assertThat(lookup("#sqlFacts").queryAs(Label.class).getText()).contains("91000").contains("Apollo").contains("2014-05-06");
        assertThat(model.cacheLineProperty().get()).startsWith("Cache miss");

        interact(() -> model.toggle(940_002L));
        assertThat(view.canvas().drawnNodes()).as("Jon's team closed").isEqualTo(4);
        interact(() -> model.toggle(940_002L));
        assertThat(view.canvas().drawnNodes()).isEqualTo(6);

        // A click on Lou's box on the chart: the same profile, now from the cache.
        interact(() -> view.canvas().fit());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Point3 at = view.canvas().screenPositionOf(940_004L);
        Point2D screen = view.canvas().node().getChildren().get(0).localToScreen(at.x, at.y);
        moveTo(screen).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.cacheLineProperty().get()).startsWith("Cache hit: no statement");
        assertThat(model.selectedProperty().get()).isEqualTo(940_004L);

        java.nio.file.Path png = java.nio.file.Files.createTempFile("orgchart-", ".png");
        interact(() -> {
            try {
                PngExport.write(view.canvas().node(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("the visible chart as PNG").isEqualTo((int) view.canvas().node().getWidth());
        java.nio.file.Files.delete(png);
    }

    @Test
    void aNameNobodyHasSaysSo() {
        clickOn("#searchField").write("Zorro");
        clickOn("#searchField").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#messageLabel").queryAs(Label.class).getText()).isEqualTo("No one called 'Zorro' in the org chart.");
    }

    private static void sql(String statement) throws SQLException {
        TestCompany.sql(statement);
    }
}
