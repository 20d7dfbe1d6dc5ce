package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** A remembered window place is used only when the window can still be seen and dragged there. */
class WindowSettingsTest {

    private final List<Rectangle2D> oneScreen = List.of(new Rectangle2D(0, 0, 1280, 720));

    @Test
    void aWindowWellOnTheScreenIsReachable() {
        assertThat(WindowSettings.reachable(new Rectangle2D(100, 50, 1000, 600), oneScreen)).isTrue();
    }

    @Test
    void aWindowWithOnlyACornerOnTheScreenIsNot() {
        assertThat(WindowSettings.reachable(new Rectangle2D(1230, 670, 1000, 600), oneScreen)).isFalse();
        assertThat(WindowSettings.reachable(new Rectangle2D(-950, 100, 1000, 600), oneScreen)).isFalse();
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenIsNot() {
        assertThat(WindowSettings.reachable(new Rectangle2D(100, -300, 1000, 600), oneScreen)).isFalse();
    }

    @Test
    void aWindowOnASecondScreenThatIsGoneIsNot() {
        assertThat(WindowSettings.reachable(new Rectangle2D(1400, 100, 1000, 600), oneScreen)).isFalse();
        assertThat(WindowSettings.reachable(new Rectangle2D(1400, 100, 1000, 600),
                List.of(oneScreen.get(0), new Rectangle2D(1280, 0, 1920, 1080)))).isTrue();
    }
}
