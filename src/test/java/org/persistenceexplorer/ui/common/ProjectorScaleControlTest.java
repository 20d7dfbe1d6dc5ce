package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The projector's text size control really changes the size of the text (every em-sized style
 * follows the root's font), stays within 1.5x-2.5x, and is remembered.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorScaleControlTest extends FxRobot {

    private static final Preferences SETTINGS = Preferences.userRoot().node("org/persistenceexplorer/test/projectorscale");
    private DisplayMode display;
    private ProjectorScaleControl control;
    private Label text;

    @AfterAll
    static void forget() throws Exception {
        SETTINGS.removeNode();
    }

    @Start
    void start(Stage stage) {
        UiScale scale = new UiScale(new WindowSettings(SETTINGS.node("window")));
        scale.reset();
        display = new DisplayMode(SETTINGS.node("display"), scale);
        control = new ProjectorScaleControl(display);
        text = new Label("Department.employees x100");
        text.setId("sample");
        Scene scene = new Scene(new VBox(control.node(), text), 800, 400);
        scale.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theSliderSetsTheTextSizeOfTheWholeWindowAndItIsRemembered() {
        double everyday = text.getFont().getSize();
        interact(() -> display.projectorProperty().set(true));
        interact(() -> control.slider().setValue(1.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getFont().getSize()).isCloseTo(everyday * 1.5, org.assertj.core.data.Offset.offset(0.2));
        interact(() -> control.slider().setValue(2.25));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getFont().getSize()).isCloseTo(everyday * 2.25, org.assertj.core.data.Offset.offset(0.2));
        assertThat(lookup("#projectorScaleValue").queryAs(Label.class).getText()).isEqualTo("2.25×");
        interact(() -> control.slider().setValue(9));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getFont().getSize()).as("at most 2.5x").isCloseTo(everyday * 2.5, org.assertj.core.data.Offset.offset(0.2));

        assertThat(new DisplayMode(SETTINGS.node("display"), new UiScale(new WindowSettings(SETTINGS.node("window2"))))
                .projectorScaleProperty().get()).as("remembered").isEqualTo(2.5);
        interact(() -> display.projectorProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getFont().getSize()).as("leaving projector mode gives the everyday size back")
                .isCloseTo(everyday, org.assertj.core.data.Offset.offset(0.2));
    }
}
