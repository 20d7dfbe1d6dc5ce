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
 * Tables tab was pushed past the left edge, its header cut off). No view is clipped: every button,
 * choice and text field of the tab lies inside it (from 1.75x the Tables tab was wider than the
 * window, Generate HR and the entity panel cut off), the Tables tab's entity panel included (opened
 * by its toggle when it is a drawer); no tab header lies under the Lessons and Connect buttons (at
 * 2.5x they covered the last three), and in projector mode the status bar ends inside the content.
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
                check(outside, where + "its view", view(tab), scene);
                controlsInside(outside, where, tab);
                headersClearOfTheCorner(outside, where, tabs);
                check(outside, where + "the log", lookup(".pe-log-panel").query(), scene);
                if (mainWindow().isFullScreen()) {
                    statusBarInside(outside, where, lessons); // the everyday bar at 2.5x is longer than the window: left as it was
                }
                if (mainWindow().isFullScreen()) {
                    check(outside, where + "the text size control", lookup("#projectorScale").query(), scene);
                }
                if (lessons) {
                    check(outside, where + "the Lessons panel", lookup("#lessonsPanel").query(), scene);
                }
            });
            if ("tablesTab".equals(tab.getId())) {
                outside.addAll(entityPanelReachable(condition, tab));
            }
        }
        return outside;
    }

    /**
     * The Tables tab's entity panel is reachable: beside the grid, or (the tab too narrow for it)
     * a drawer over the grid opened by its toggle, with every control inside the tab.
     */
    private List<String> entityPanelReachable(String condition, Tab tab) {
        List<String> outside = new ArrayList<>();
        ToggleButton toggle = (ToggleButton) lookup("#entityPanelToggle").tryQuery().orElse(null);
        if (toggle == null) {
            outside.add(condition + ", Tables: no Entity panel toggle in the tab");
            return outside;
        }
        boolean wasOn = toggle.isSelected();
        if (!wasOn) {
            interact(() -> toggle.setSelected(true));
            WaitForAsyncUtils.waitForFxEvents();
        }
        interact(() -> {
            String where = condition + ", Tables with its entity panel open: ";
            Node panel = tab.getContent().lookup("#sideTabs");
            if (panel == null || !panel.isVisible()) {
                outside.add(where + "the panel is not shown");
            }
            controlsInside(outside, where, tab);
        });
        if (!wasOn) {
            interact(() -> toggle.setSelected(false));
            WaitForAsyncUtils.waitForFxEvents();
        }
        return outside;
    }

    /**
     * Every button, choice and text field the tab shows lies inside its page (the part of the
     * window it is given), none cut off at its right or under the Lessons panel: a tool bar's
     * buttons that do not fit are in its » menu, and that button is checked too.
     */
    private static void controlsInside(List<String> outside, String where, Tab tab) {
        Node page = tab.getContent();
        Bounds room = page.localToScene(page.getLayoutBounds());
        for (Node node : page.lookupAll("*")) {
            boolean control = node instanceof javafx.scene.control.ButtonBase || node instanceof javafx.scene.control.ComboBoxBase
                    || node instanceof javafx.scene.control.TextInputControl || node instanceof javafx.scene.control.ScrollPane
                    || node.getStyleClass().contains("tool-bar-overflow-button");
            if (!control || !shown(node, page) || insideAList(node, page)) {
                continue;
            }
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMinX() < room.getMinX() - PIXEL || b.getMaxX() > room.getMaxX() + PIXEL)) {
                outside.add(String.format(Locale.ROOT, "%s%s %s from x %.0f to %.0f, its tab from %.0f to %.0f", where,
                        node.getClass().getSimpleName(), label(node), b.getMinX(), b.getMaxX(), room.getMinX(), room.getMaxX()));
            }
        }
    }

    private static String label(Node node) {
        return node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                ? "'" + l.getText() + "'" : node.getId() != null ? "#" + node.getId() : "";
    }

    /** Visible all the way up to the page (a hidden pane's controls are not shown). */
    private static boolean shown(Node node, Node page) {
        for (Node n = node; n != null && n != page; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A list's or table's cells, a scroll pane's content scroll with it: reached by scrolling (the scroller is checked). */
    private static boolean insideAList(Node node, Node page) {
        for (Node n = node.getParent(); n != null && n != page; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ListView || n instanceof javafx.scene.control.TableView
                    || n instanceof javafx.scene.control.TreeView || n instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /**
     * No tab header (nor the row's ▾ menu of the headers that do not fit) lies under the Lessons
     * and Connect buttons at the row's right end, where it could not be clicked.
     */
    private void headersClearOfTheCorner(List<String> outside, String where, TabPane tabs) {
        Node row = tabs.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("tab-header-area"))
                .findFirst().orElseThrow();
        Bounds rowBounds = row.localToScene(row.getLayoutBounds());
        List<Node> corner = new ArrayList<>();
        for (String id : new String[] {"#lessonsButton", "#connectButton"}) {
            Node button = lookup(id).query();
            if (button.isVisible()) {
                corner.add(button);
            }
        }
        List<Node> headers = new ArrayList<>(row.lookupAll(".tab"));
        headers.addAll(row.lookupAll(".control-buttons-tab"));
        for (Node header : headers) {
            if (!header.isVisible() || header.getScene() == null) {
                continue;
            }
            Bounds h = header.localToScene(header.getLayoutBounds());
            double right = Math.min(h.getMaxX(), rowBounds.getMaxX()); // the row clips its headers
            for (Node button : corner) {
                Bounds c = button.localToScene(button.getLayoutBounds());
                boolean under = right > c.getMinX() + PIXEL && h.getMinX() < c.getMaxX() - PIXEL
                        && h.getMaxY() > c.getMinY() + PIXEL && h.getMinY() < c.getMaxY() - PIXEL;
                if (under) {
                    outside.add(String.format(Locale.ROOT, "%sthe header %s (x %.0f to %.0f) under %s (x %.0f to %.0f)", where,
                            header.getStyleClass().contains("tab") ? label(header.lookup(".tab-label")) : "▾",
                            h.getMinX(), right, button.getId(), c.getMinX(), c.getMaxX()));
                }
            }
        }
    }

    /** The status bar's items end inside the window's content, not under the Lessons panel. */
    private void statusBarInside(List<String> outside, String where, boolean lessons) {
        javafx.scene.layout.Region bar = lookup("#statusBar").queryAs(javafx.scene.layout.Region.class);
        double end = mainWindow().getScene().getWidth();
        if (lessons) {
            Node panel = lookup("#lessonsPanel").query();
            end = panel.localToScene(panel.getLayoutBounds()).getMinX();
        }
        for (Node item : bar.getChildrenUnmodifiable()) {
            if (item.isVisible() && item.isManaged()) {
                Bounds b = item.localToScene(item.getLayoutBounds());
                if (b.getWidth() > 0 && b.getMaxX() > end + PIXEL) {
                    outside.add(String.format(Locale.ROOT, "%sthe status bar's %s %s ends at x %.0f, the content at %.0f", where,
                            item.getClass().getSimpleName(), label(item), b.getMaxX(), end));
                }
            }
        }
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

    private static void check(List<String> outside, String what, Node node, Scene scene) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getMinX() < -PIXEL || b.getMaxX() > scene.getWidth() + PIXEL) {
            outside.add(String.format(Locale.ROOT, "%s from x %.0f to %.0f in a scene %.0f wide (min width %.0f)", what,
                    b.getMinX(), b.getMaxX(), scene.getWidth(), node instanceof javafx.scene.layout.Region r ? r.minWidth(-1) : 0));
        }
    }
}
