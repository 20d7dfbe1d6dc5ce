package org.persistenceexplorer.ui.common;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Remembers window size and position and the log panel's height between runs (Java
 * Preferences, per user). The node can be changed with -Dpe.settings.node, so tests never touch
 * a user's settings. FX thread.
 */
public final class WindowSettings {

    static final double MIN_VISIBLE_WIDTH = 240;
    static final double MIN_VISIBLE_HEIGHT = 160;
    private static final double TITLE_BAR = 32;

    private final Preferences node;

    public WindowSettings() {
        this(Preferences.userRoot().node(System.getProperty("pe.settings.node", "org/persistenceexplorer")));
    }

    public WindowSettings(Preferences node) {
        this.node = node;
    }

    /** The settings node itself, for features that keep settings of their own below it. */
    public Preferences node() {
        return node;
    }

    /**
     * Puts the stage where it was last time, if its title bar and a usable part of it are still
     * on a screen (screens change: a laptop leaves its monitor); otherwise centres it, no larger
     * than the screen. A maximized window is maximized once shown, so un-maximizing returns to
     * the size it had before.
     */
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(node.getDouble("window.width", defaultWidth), screen.getWidth());
        double height = Math.min(node.getDouble("window.height", defaultHeight), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        if (!Double.isNaN(x) && !Double.isNaN(y) && reachable(new Rectangle2D(x, y, width, height), screens)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        if (node.getBoolean("window.maximized", false)) {
            if (stage.isShowing()) {
                stage.setMaximized(true);
            } else {
                stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> stage.setMaximized(true));
            }
        }
    }

    /**
     * True when a window there can be used: at least {@value #MIN_VISIBLE_WIDTH} x
     * {@value #MIN_VISIBLE_HEIGHT} px of it on one screen, its title bar included (so it can be dragged).
     */
    static boolean reachable(Rectangle2D window, List<Rectangle2D> screens) {
        for (Rectangle2D screen : screens) {
            double visibleWidth = Math.min(window.getMaxX(), screen.getMaxX()) - Math.max(window.getMinX(), screen.getMinX());
            double visibleHeight = Math.min(window.getMaxY(), screen.getMaxY()) - Math.max(window.getMinY(), screen.getMinY());
            boolean titleBarOnScreen = window.getMinY() >= screen.getMinY() && window.getMinY() <= screen.getMaxY() - TITLE_BAR;
            if (visibleWidth >= MIN_VISIBLE_WIDTH && visibleHeight >= MIN_VISIBLE_HEIGHT && titleBarOnScreen) {
                return true;
            }
        }
        return false;
    }

    public void save(Stage stage) {
        node.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
        }
        flush();
    }

    /** The log panel's divider position, 0..1 from the top. */
    public double logDivider(double defaultPosition) {
        return node.getDouble("log.divider", defaultPosition);
    }

    public void saveLogDivider(double position) {
        node.putDouble("log.divider", position);
        flush();
    }

    /** The text scale (1 = the designed size), see {@link UiScale}. */
    public double uiScale() {
        return node.getDouble("ui.scale", 1.0);
    }

    public void saveUiScale(double scale) {
        node.putDouble("ui.scale", scale);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // settings are a convenience; losing them is not worth bothering the user
        }
    }
}
