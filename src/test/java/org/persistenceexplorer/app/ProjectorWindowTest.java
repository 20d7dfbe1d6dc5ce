package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app on a 1280 x 800 screen (Monocle's headless screen), every tab shown in turn: in
 * projector mode at each text size from 1.5x to 2.5x, and in the everyday light and dark themes at
 * their largest text, with the Lessons panel open and closed. Whatever the size, the window's
 * content stays inside the window: the tab headers start at its left edge, the selected tab's
 * content and the Lessons panel end at its right edge (seen before: at 2x with the panel open the
 * Tables tab was pushed past the left edge, its header cut off).
 */
class ProjectorWindowTest extends FxRobot {

    private static final double SCREEN_WIDTH = 1280;
    private static final double SCREEN_HEIGHT = 800;
    /** Layout rounds to whole pixels; a pixel of slack is no overflow. */
    private static final double PIXEL = 1.0;

    private static Path dataDir;
    private static AppContext context;
    private static Application app;

    @BeforeAll
    static void startTheApp() throws Exception {
        displaySettings().clear();
        dataDir = Files.createTempDirectory("pe-projector-");
        context = new AppContext(new EngineSettings(dataDir, null, null, null, null, null, null), RootPolicy.detect());
        ExplorerApp.prepare(context);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ExplorerApp.class);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () ->
                mainWindow() != null && context.statuses().stream().allMatch(EngineStatus::up));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopTheApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        context.close();
        org.persistenceexplorer.testsupport.TestEngines.deleteFolder(dataDir);
        // The next start of the app in this test run (another test class) starts in everyday mode.
        displaySettings().clear();
        displaySettings().flush();
    }

    private static Preferences displaySettings() {
        return new org.persistenceexplorer.ui.common.WindowSettings().node().node("display");
    }

    private static Stage mainWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && "Persistence Explorer".equals(s.getTitle())).map(w -> (Stage) w).findFirst().orElse(null);
    }

    @Test
    void everyTabStaysInsideTheWindowAtEveryProjectorSizeWithTheLessonsPanelOpenOrClosed() throws Exception {
        List<String> outside = new ArrayList<>();
        press(new KeyCodeCombination(KeyCode.F11)); // projector mode: full screen, high contrast
        assertThat(mainWindow().isFullScreen()).isTrue();
        for (double size : new double[] {1.5, 1.75, 2.0, 2.25, 2.5}) {
            interact(() -> lookup("#projectorScaleSlider").queryAs(Slider.class).setValue(size));
            for (boolean lessons : new boolean[] {true, false}) {
                outside.addAll(everyTab(String.format(Locale.ROOT, "projector %.2fx, lessons %s", size, lessons ? "open" : "closed"),
                        lessons));
            }
        }
        interact(() -> snapshot("projector-2.5x-lessons-closed"));
        interact(() -> lookup("#projectorScaleSlider").queryAs(Slider.class).setValue(2.0));
        lessonsOpen(true);
        interact(() -> lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> snapshot("projector-2x-lessons-open"));
        press(new KeyCodeCombination(KeyCode.F11));
        assertThat(mainWindow().isFullScreen()).isFalse();
        assertThat(outside).isEmpty();
    }

    @Test
    void everyTabStaysInsideTheWindowInTheLightAndDarkThemesAtTheirLargestText() throws Exception {
        List<String> outside = new ArrayList<>();
        interact(() -> {
            mainWindow().setWidth(SCREEN_WIDTH);
            mainWindow().setHeight(SCREEN_HEIGHT);
        });
        for (boolean dark : new boolean[] {false, true}) {
            if (dark) {
                press(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            }
            for (int step = 0; step < 9; step++) {
                press(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN)); // up to 2.5x
            }
            for (boolean lessons : new boolean[] {true, false}) {
                outside.addAll(everyTab((dark ? "dark" : "light") + " 2.5x, lessons " + (lessons ? "open" : "closed"), lessons));
            }
            press(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        }
        press(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        assertThat(outside).isEmpty();
    }

    /** Runs the window's accelerator for the key, as pressing it does. */
    private void press(KeyCombination key) {
        interact(() -> mainWindow().getScene().getAccelerators().get(key).run());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void lessonsOpen(boolean open) {
        interact(() -> lookup("#lessonsButton").queryAs(ToggleButton.class).setSelected(open));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows each tab in turn; what lies outside the window, in words. */
    private List<String> everyTab(String condition, boolean lessons) {
        lessonsOpen(lessons);
        List<String> outside = new ArrayList<>();
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        for (Tab tab : new ArrayList<>(tabs.getTabs())) {
            interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents(); // a view built on selection lays out in the next pulse
            interact(() -> {
                Scene scene = mainWindow().getScene();
                String where = condition + ", " + tab.getText() + ": ";
                check(outside, where + "the tab headers", tabs.lookup(".tab-header-area"), scene);
                check(outside, where + "its content", tab.getContent(), scene);
                checkView(outside, where + "its view", view(tab), scene);
                check(outside, where + "the log", lookup(".pe-log-panel").query(), scene);
                if (mainWindow().isFullScreen()) {
                    check(outside, where + "the text size control", lookup("#projectorScale").query(), scene);
                }
                if (lessons) {
                    check(outside, where + "the Lessons panel", lookup("#lessonsPanel").query(), scene);
                }
            });
        }
        return outside;
    }

    /** The feature's view in the tab (inside the page that holds it). */
    private static Node view(Tab tab) {
        return tab.getContent() instanceof javafx.scene.Parent page && !page.getChildrenUnmodifiable().isEmpty()
                ? page.getChildrenUnmodifiable().get(0) : tab.getContent();
    }

    private static void snapshot(String name) {
        try {
            Snapshots.save(mainWindow().getScene(), name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A view never starts left of the window; it ends inside it unless it is at its own min width
     * (then it is clipped at its right: the Tables tab is wider than 1280 px from 1.75x on, panel
     * or not, and says so here).
     */
    private static void checkView(List<String> outside, String what, Node view, Scene scene) {
        Bounds b = view.localToScene(view.getLayoutBounds());
        double min = view.minWidth(-1);
        if (b.getMinX() < -PIXEL || (b.getMaxX() > scene.getWidth() + PIXEL && b.getWidth() > min + PIXEL)) {
            check(outside, what, view, scene);
        } else if (b.getMaxX() > scene.getWidth() + PIXEL) {
            System.out.printf(Locale.ROOT, "ProjectorWindowTest: %s is %.0f px at its min width, clipped at the right%n", what, min);
        }
    }

    private static void check(List<String> outside, String what, Node node, Scene scene) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getMinX() < -PIXEL || b.getMaxX() > scene.getWidth() + PIXEL) {
            outside.add(String.format(Locale.ROOT, "%s from x %.0f to %.0f in a scene %.0f wide (min width %.0f)", what,
                    b.getMinX(), b.getMaxX(), scene.getWidth(), node instanceof javafx.scene.layout.Region r ? r.minWidth(-1) : 0));
        }
    }
}
