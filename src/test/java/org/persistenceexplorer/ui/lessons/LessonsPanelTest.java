package org.persistenceexplorer.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lessons panel beside the statement log, on the real engines (the shared test features,
 * inline runner): "Start here" opens the first lesson, Show me marks the step's statements in
 * the log, a Your turn done by hand is recognised, and in presenter mode Page Down alone shows
 * and moves on while Page Up goes back.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsPanelTest extends FxRobot {

    private LessonsViewModel model;
    private StatementLogViewModel logModel;

    /**
     * The rig's engines start here, off the FX thread: started inside {@code @Start}, their start
     * (Neo4j's takes 10-20 s on a busy machine) ran into TestFX's setup timeout when this class ran
     * first in its JVM.
     */
    @org.junit.jupiter.api.BeforeAll
    static void enginesUp() {
        LessonRig.get();
    }

    @Start
    void start(Stage stage) throws Exception {
        LessonRig rig = LessonRig.get();
        Preferences progress = rig.settings.node("panel-test");
        progress.clear();
        model = new LessonsViewModel(rig.course, rig.commands, rig.log, progress);
        logModel = new StatementLogViewModel(rig.log);
        logModel.highlightProperty().bind(model.highlightProperty());
        BorderPane root = new BorderPane(ViewLoader.load(new StatementLogView(logModel)));
        root.setRight(new LessonsPanel(model, () -> { }).node());
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void tick() {
        interact(() -> {
            model.refresh();
            logModel.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void startHereShowMeMarksTheLogAndYourTurnIsRecognised() {
        assertThat(lookup("#startHere").query().isVisible()).isTrue();
        clickOn("#startHereButton");
        assertThat(lookup("#startHere").query().isVisible()).isFalse();
        assertThat(text("#lessonTitle")).startsWith("1. Raw SQL");

        interact(() -> model.open("07-lazy-loading"));
        assertThat(text("#lessonStep")).isEqualTo("Step 1 of 3 · Show me");
        clickOn("#lessonShowMe");
        tick();
        assertThat(text("#lessonVerdict")).startsWith("✓ As claimed: 11 SELECT");
        assertThat(text("#lessonSeen")).contains("11 SELECT");
        long marked = lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("pe-lesson"))).count();
        assertThat(marked).as("the step's statements are marked in the log").isGreaterThanOrEqualTo(5);

        clickOn("#lessonNext");
        assertThat(text("#lessonStep")).isEqualTo("Step 2 of 3 · Your turn");
        tick();
        assertThat(text("#lessonVerdict")).isEqualTo("Waiting for you…");
        // The learner does it by hand in the lab (here: the lab's own command, as its Run button).
        interact(() -> LessonRig.get().commands.run("lab.run",
                Map.of("scenario", "DEPARTMENTS_EMPLOYEES", "strategy", "JOIN_FETCH", "parents", "10")));
        tick();
        assertThat(text("#lessonVerdict")).startsWith("✓ Recognised").contains("One SELECT with a LEFT JOIN");
    }

    @Test
    void presenterModeRunsTheNPlusOneLessonWithPageDownAlone() {
        interact(() -> model.open("07-lazy-loading"));
        double normal = lookup("#lessonCallout").queryAs(Label.class).getFont().getSize();
        clickOn("#lessonPresent");
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = lookup("#lessonsPanel").query();
        assertThat(panel.getStyleClass()).contains("pe-lessons-presenting");
        assertThat(lookup("#lessonCallout").queryAs(Label.class).getFont().getSize())
                .as("callouts grow for the back row").isGreaterThan(normal * 1.3);
        push(KeyCode.PAGE_DOWN); // shows step 1
        tick();
        assertThat(text("#lessonVerdict")).startsWith("✓ As claimed");
        push(KeyCode.PAGE_DOWN); // to step 2
        assertThat(text("#lessonStep")).isEqualTo("Step 2 of 3 · Your turn");
        push(KeyCode.PAGE_DOWN); // the presenter does the turn
        tick();
        assertThat(text("#lessonVerdict")).startsWith("✓ Recognised");
        push(KeyCode.PAGE_DOWN); // to step 3
        push(KeyCode.PAGE_DOWN); // shows it
        tick();
        assertThat(text("#lessonStep")).isEqualTo("Step 3 of 3 · Show me");
        assertThat(text("#lessonVerdict")).startsWith("✓ As claimed: 3 SELECT");
        assertThat(model.done()).contains("07-lazy-loading");
        push(KeyCode.PAGE_UP);
        assertThat(text("#lessonStep")).isEqualTo("Step 2 of 3 · Your turn");
        assertThat(Set.copyOf(lookup("#lessonsProgress").queryAs(Label.class).getText().lines().toList()))
                .containsExactly("1 of 24 done");
    }
}
