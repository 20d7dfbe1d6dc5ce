package org.persistenceexplorer.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.UiScale;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.common.WindowSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab's cards in large type at 1280x720: the numbers side by side with bars in
 * proportion, and at projector size (2x) the text really is twice as large and no label of a
 * card is cut short (the cards grow, the pane scrolls). The runs are real, made off the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class LabViewTest extends FxRobot {

    private static List<LabRun> runs;
    private static OrmSessions orm;
    private static final Preferences SETTINGS = Preferences.userRoot().node("org/persistenceexplorer/test/labview");
    private LabViewModel model;
    private UiScale scale;
    private Scene scene;

    @BeforeAll
    static void runTheLab() throws Exception {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        LoadingLab lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder());
        runs = lab.runAll(Scenario.DEPARTMENTS_EMPLOYEES, 100, 25, 0);
    }

    @AfterAll
    static void close() throws Exception {
        orm.close();
        SETTINGS.removeNode();
    }

    @Start
    void start(Stage stage) {
        model = new LabViewModel(InlineBackgroundRunner.deferred(), null, SETTINGS);
        scene = new Scene(ViewLoader.load(new LabView(model)), 1280, 720);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        scene.getRoot().getStylesheets().add(getClass().getResource(LabFeature.STYLESHEET).toExternalForm());
        scale = new UiScale(new WindowSettings(SETTINGS.node("window")));
        scale.reset();
        scale.applyTo(scene);
        model.runs().setAll(runs);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theNumbersOfRunAllStandSideBySideWithBarsInProportion() {
        assertThat(lookup("#labCount-LAZY").queryAs(Label.class).getText()).isEqualTo("101");
        assertThat(lookup("#labCount-JOIN_FETCH").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(lookup("#labCount-ENTITY_GRAPH").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(lookup("#labCount-BATCH").queryAs(Label.class).getText()).isEqualTo("5");
        assertThat(lookup("#labCount-SUBSELECT").queryAs(Label.class).getText()).isEqualTo("2");
        double lazy = lookup("#labBar-LAZY").queryAs(Region.class).getWidth();
        double batch = lookup("#labBar-BATCH").queryAs(Region.class).getWidth();
        assertThat(lazy).isGreaterThan(batch * 10);
        assertThat(lookup(".pe-lab-error").queryAs(Label.class).getText()).startsWith("LazyInitializationException");
        assertThat(lookup("#labCount-LAZY").queryAs(Label.class).getFont().getSize()).isGreaterThan(40);
    }

    @Test
    void atProjectorSizeTheTextIsTwiceAsLargeAndNothingInACardIsCutShort() {
        double before = lookup("#labCount-LAZY").queryAs(Label.class).getFont().getSize();
        double title = lookup(".pe-lab-card-title").queryAs(Label.class).getFont().getSize();
        interact(() -> scale.set(2.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#labCount-LAZY").queryAs(Label.class).getFont().getSize()).isCloseTo(before * 2, org.assertj.core.data.Offset.offset(0.5));
        assertThat(lookup(".pe-lab-card-title").queryAs(Label.class).getFont().getSize()).isCloseTo(title * 2, org.assertj.core.data.Offset.offset(0.5));
        for (Node card : lookup(".pe-lab-card").queryAll()) {
            for (Node node : card.lookupAll(".label")) {
                Label label = (Label) node;
                Text shown = (Text) label.lookup(".text");
                assertThat(shown == null ? "" : shown.getText()).as("label in " + card.getId()).isEqualTo(label.getText());
            }
        }
        for (Node node : lookup(".pe-lab-controls .label").queryAll()) {
            Label label = (Label) node;
            Text shown = (Text) label.lookup(".text");
            if (label.isVisible() && !label.isWrapText() && shown != null) {
                assertThat(shown.getText()).as("a control's label at 2x").isEqualTo(label.getText());
            }
        }
        assertThat(scene.getRoot().minWidth(-1)).as("the lab fits a 1280 px wide screen at 2x (it wraps, it does not widen)")
                .isLessThanOrEqualTo(1280);
        interact(() -> scale.reset());
    }

    @Test
    void inAShortWindowTheCardsKeepTheirHeightAndNewResultsScrollIntoView() {
        interact(() -> {
            scale.set(2.0);
            scene.getWindow().setHeight(420);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane page = lookup("#labPageScroll").queryAs(javafx.scene.control.ScrollPane.class);
        Region cards = lookup("#labResults").queryAs(Region.class);
        javafx.scene.control.ScrollPane cardsPane = (javafx.scene.control.ScrollPane) lookup(".pe-lab-results-scroll").query();
        // not squeezed: the cards' pane is as high as the cards
        assertThat(cardsPane.getHeight()).isGreaterThanOrEqualTo(cards.getHeight() - 1);
        interact(() -> page.setVvalue(0));
        interact(() -> model.runs().setAll(runs.subList(0, runs.size() - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds inPage = page.localToScene(page.getLayoutBounds());
        javafx.geometry.Bounds lazy = lookup("#labCount-LAZY").queryAs(Label.class).localToScene(
                lookup("#labCount-LAZY").queryAs(Label.class).getLayoutBounds());
        assertThat(lazy.getMinY()).as("the first card's number is on screen").isBetween(inPage.getMinY(), inPage.getMaxY() - lazy.getHeight());
        assertThat(page.getVvalue()).isPositive();
        interact(() -> scale.reset());
    }
}
