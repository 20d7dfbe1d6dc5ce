package org.persistenceexplorer.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.startup.StartupSequence;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The startup screen opens at its designed size with nothing cut (title, every step), keeps that
 * as its minimum, and can be quit while the engines are still starting. (Under a real window
 * manager the same is shown by docs/startup-openbox-1280x720.png.)
 */
@ExtendWith(ApplicationExtension.class)
class StartupWindowTest extends FxRobot {

    private final AtomicBoolean quit = new AtomicBoolean();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StartupSequence sequence = new StartupSequence(List.of(
                new StartupStep("pg", "Starting PostgreSQL", "startup: pg", true, List.of(), () -> "ok"),
                new StartupStep("hr", "Applying migrations and sample data (HR)", "startup: hr", true, List.of("pg"), () -> "ok"),
                new StartupStep("orm", "Preparing Hibernate (HR entities)", "startup: orm", false, List.of("hr"), () -> "ok"),
                new StartupStep("neo", "Starting Neo4j", "startup: neo", false, List.of("hr"), () -> "ok"),
                new StartupStep("org", "Importing the org chart into Neo4j", "startup: org", false, List.of("neo"), () -> "ok")));
        StartupViewModel model = new StartupViewModel(sequence, InlineBackgroundRunner.deferred());
        Scene scene = StartupWindow.sceneFor(ViewLoader.load(new StartupView(model, () -> quit.set(true))));
        scene.getStylesheets().add(getClass().getResource("/css/explorer.css").toExternalForm());
        stage.setScene(scene);
        StartupWindow.fit(stage);
        stage.show();
        model.start();   // deferred: the steps stay "starting"
    }

    @Test
    void theScreenHasItsDesignedSizeAndNothingIsCut() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isGreaterThanOrEqualTo(StartupWindow.WIDTH - 1);
        assertThat(stage.getMinWidth()).isGreaterThanOrEqualTo(StartupWindow.MIN_WIDTH);
        Label title = lookup(".pe-startup-title").queryAs(Label.class);
        assertThat(title.getWidth()).isGreaterThanOrEqualTo(title.prefWidth(-1) - 0.5);
        assertThat(lookup(".pe-step-title").queryAllAs(Label.class)).hasSize(5)
                .allSatisfy(step -> assertThat(step.getWidth()).isGreaterThanOrEqualTo(step.prefWidth(-1) - 0.5));
    }

    @Test
    void quitIsThereWhileStarting() {
        Button quitButton = lookup("#startupQuit").queryButton();
        assertThat(quitButton.isVisible()).isTrue();
        clickOn(quitButton);
        assertThat(quit).isTrue();
    }
}
