package org.persistenceexplorer.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How the window looks: everyday light or dark (AtlantaFX Primer Light / Dark), and projector
 * mode for the back of a room: full screen, text 1.5x-2.5x on every tab (through {@link UiScale},
 * so every em-sized style grows), a high-contrast stylesheet over the dark theme, a huge
 * statement counter and the log reduced to what matters (whoever shows those listens to
 * {@link #projectorProperty()}). Everything is remembered in the window's settings; leaving
 * projector mode gives back the everyday text size. FX thread.
 */
public final class DisplayMode {

    public static final String PROJECTOR_STYLESHEET = "/css/projector.css";
    static final double MIN_PROJECTOR_SCALE = 1.5;
    static final double MAX_PROJECTOR_SCALE = 2.5;

    private final Preferences settings;
    private final UiScale scale;
    private final BooleanProperty projector = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final DoubleProperty projectorScale = new SimpleDoubleProperty(2.0);
    private double everydayScale;

    public DisplayMode(Preferences settings, UiScale scale) {
        this.settings = settings;
        this.scale = scale;
        dark.set(settings.getBoolean("darkTheme", false));
        projectorScale.set(clamp(settings.getDouble("projectorScale", 2.0)));
        everydayScale = settings.getDouble("everydayScale", scale.factorProperty().get());
        projector.set(settings.getBoolean("projector", false));
        dark.addListener((o, a, b) -> settings.putBoolean("darkTheme", b));
        projectorScale.addListener((o, a, b) -> {
            settings.putDouble("projectorScale", clamp(b.doubleValue()));
            if (projector.get()) {
                scale.set(clamp(b.doubleValue()));
            }
        });
        projector.addListener((o, was, now) -> {
            settings.putBoolean("projector", now);
            if (now) {
                everydayScale = scale.factorProperty().get();
                settings.putDouble("everydayScale", everydayScale);
                scale.set(projectorScale.get());
            } else {
                scale.set(everydayScale);
            }
        });
    }

    private static double clamp(double v) {
        return Math.max(MIN_PROJECTOR_SCALE, Math.min(MAX_PROJECTOR_SCALE, v));
    }

    /** Follows the mode on this window: theme, high-contrast sheet, full screen (F11 toggles). */
    public void applyTo(Stage stage, Scene scene) {
        String sheet = DisplayMode.class.getResource(PROJECTOR_STYLESHEET).toExternalForm();
        Runnable apply = () -> {
            Application.setUserAgentStylesheet(dark.get() || projector.get()
                    ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            scene.getRoot().getStyleClass().remove("pe-dark");
            if (dark.get() || projector.get()) {
                scene.getRoot().getStyleClass().add("pe-dark");
            }
            if (projector.get() && !scene.getStylesheets().contains(sheet)) {
                scene.getStylesheets().add(sheet);
            } else if (!projector.get()) {
                scene.getStylesheets().remove(sheet);
            }
        };
        apply.run();
        dark.addListener(o -> apply.run());
        projector.addListener((o, was, now) -> {
            apply.run();
            stage.setFullScreen(now);
        });
        if (projector.get()) {
            stage.setFullScreen(true);
        }
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && projector.get()) {
                projector.set(false); // Esc left full screen: leave projector mode with it
            }
        });
    }

    public void toggleProjector() {
        projector.set(!projector.get());
    }

    public void toggleDark() {
        dark.set(!dark.get());
    }

    public BooleanProperty projectorProperty() {
        return projector;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The text size in projector mode, 1.5x to 2.5x. */
    public DoubleProperty projectorScaleProperty() {
        return projectorScale;
    }
}
