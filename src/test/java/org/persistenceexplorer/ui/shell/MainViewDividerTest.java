package org.persistenceexplorer.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.common.ViewLoader;
import org.persistenceexplorer.ui.common.WindowSettings;
import org.persistenceexplorer.ui.log.StatementLogView;
import org.persistenceexplorer.ui.log.StatementLogViewModel;
import org.persistenceexplorer.ui.status.StatusBarView;
import org.persistenceexplorer.ui.status.StatusBarViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The log's divider stays where the user left it, start after start, and moves only when dragged. */
@ExtendWith(ApplicationExtension.class)
class MainViewDividerTest extends FxRobot {

    private final Preferences prefs = Preferences.userRoot().node("org/persistenceexplorer/test/divider");
    private final WindowSettings settings = new WindowSettings(prefs);
    private Stage stage;

    @BeforeEach
    void savedDivider() throws Exception {
        prefs.clear();
        settings.saveLogDivider(0.621);
    }

    /** What ExplorerApp does on a start: the scene at its default size, then the remembered window size. */
    private SplitPane start() {
        interact(() -> {
            StatementLog log = new StatementLog(100);
            InlineBackgroundRunner runner = new InlineBackgroundRunner();
            MainView main = new MainView(List.of(new OneLabel()), feature -> new FeatureContext(runner,
                    new UiTicker().group(), prefs.node(feature.id()), List::of), settings);
            Scene scene = new Scene(ViewLoader.forController(main)
                    .nested(StatementLogView.class, () -> new StatementLogView(new StatementLogViewModel(log)))
                    .nested(StatusBarView.class, () -> new StatusBarView(new StatusBarViewModel(List::of,
                            () -> PoolStatus.NONE, log, runner, p -> null)))
                    .load(), 1200, 800);
            stage = new Stage();
            stage.setScene(scene);
            settings.restore(stage, 1200, 800);
            stage.setWidth(1280);
            stage.setHeight(745);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".split-pane").match(n -> ((SplitPane) n).getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .queryAs(SplitPane.class);
    }

    private void quit() {
        interact(() -> {
            settings.save(stage);
            stage.close();
        });
    }

    @Test
    void threeRestartsLeaveTheDividerWhereItWas() {
        for (int restart = 0; restart < 3; restart++) {
            SplitPane split = start();
            assertThat(split.getDividerPositions()[0]).as("start %d", restart).isCloseTo(0.621, within(0.005));
            quit();
            assertThat(settings.logDivider(0.55)).as("saved after start %d", restart).isEqualTo(0.621);
        }
    }

    @Test
    void draggingTheDividerIsRemembered() {
        SplitPane split = start();
        Node divider = split.lookup(".split-pane-divider");
        drag(divider).dropBy(0, -80);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = split.getDividerPositions()[0];
        assertThat(moved).isLessThan(0.6);
        quit();

        assertThat(settings.logDivider(0.55)).isCloseTo(moved, within(0.001));
    }

    private static final class OneLabel implements Feature {
        @Override
        public String id() {
            return "one";
        }

        @Override
        public String title() {
            return "One";
        }

        @Override
        public FeatureView open(FeatureContext context) {
            Label content = new Label("one");
            return () -> content;
        }
    }
}
