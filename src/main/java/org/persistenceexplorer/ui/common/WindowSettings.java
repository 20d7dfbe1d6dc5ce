package org.persistenceexplorer.ui.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers window size and position and the log panel's height between runs (Java
 * Preferences, per user). The node can be changed with -Dpe.settings.node, so tests never touch
 * a user's settings. FX thread.
 */
public final class WindowSettings {

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

    /** Puts the stage where it was last time, if that place is still on a screen. */
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double width = node.getDouble("window.width", defaultWidth);
        double height = node.getDouble("window.height", defaultHeight);
        stage.setWidth(width);
        stage.setHeight(height);
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
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

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // settings are a convenience; losing them is not worth bothering the user
        }
    }
}
