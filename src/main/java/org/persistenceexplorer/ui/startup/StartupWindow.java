package org.persistenceexplorer.ui.startup;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Gives the startup screen its designed size on any desktop. Under a window manager a stage
 * whose scene has no explicit height can be mapped at the manager's default (about 200 x 200 px
 * under openbox) before JavaFX sizes it, so the size is set explicitly, checked once the window
 * is shown (when the frame's size is known), and kept as the window's minimum. FX thread.
 */
public final class StartupWindow {

    /** The designed width of the startup screen's content, in pixels at scale 1. */
    public static final double WIDTH = 640;
    static final double MIN_WIDTH = 520;

    private StartupWindow() {
    }

    /** A scene for the startup view at its designed size (height from its content at that width). */
    public static Scene sceneFor(Parent view) {
        return new Scene(view, WIDTH, -1);
    }

    /**
     * Sizes the stage now, and holds the designed size as its minimum until the window manager
     * has given it (a manager that maps windows at its own default size honours a minimum); then
     * the minimum drops to what the content needs, so the user can still make it smaller.
     */
    public static void fit(Stage stage) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        double height = Math.ceil(root.prefHeight(WIDTH));
        stage.setMinWidth(WIDTH);
        stage.setMinHeight(height);
        stage.setWidth(WIDTH);
        stage.setHeight(height);
        Scene scene = stage.getScene();
        InvalidationListener check = new InvalidationListener() {
            @Override
            public void invalidated(Observable observable) {
                if (reachedDesignedSize(stage, height)) {
                    scene.widthProperty().removeListener(this);
                    scene.heightProperty().removeListener(this);
                }
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            scene.widthProperty().addListener(check);
            scene.heightProperty().addListener(check);
            Platform.runLater(() -> check.invalidated(null));
        });
    }

    /**
     * True once the content has its designed size; then the minimum is relaxed to what the content
     * needs. Until then asks for the designed size plus the frame the window manager drew.
     */
    static boolean reachedDesignedSize(Stage stage, double designedHeight) {
        Scene scene = stage.getScene();
        // The scene's place in the window is the frame's left border and title bar; while the
        // manager is still resizing, the stage's and scene's sizes disagree and say nothing of it.
        double frameWidth = 2 * Math.max(0, scene.getX());
        double frameHeight = Math.max(0, scene.getY()) + Math.max(0, scene.getX());
        if (scene.getWidth() >= WIDTH - 1 && scene.getHeight() >= designedHeight - 1) {
            stage.setMinWidth(MIN_WIDTH + frameWidth);
            stage.setMinHeight(Math.ceil(scene.getRoot().minHeight(scene.getWidth())) + frameHeight);
            return true;
        }
        stage.setMinWidth(WIDTH + frameWidth);
        stage.setMinHeight(designedHeight + frameHeight);
        stage.setWidth(Math.max(stage.getWidth(), WIDTH + frameWidth));
        stage.setHeight(Math.max(stage.getHeight(), designedHeight + frameHeight));
        return false;
    }
}
