package org.persistenceexplorer.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Scene;

/**
 * How large the app's text is: one factor on the base font size, which every other size in the
 * stylesheet is relative to (em), so the whole window grows with it. Ctrl+Plus / Ctrl+Minus /
 * Ctrl+0 step it; a projector mode can set a large step. Remembered in {@link WindowSettings}.
 * FX thread.
 */
public final class UiScale {

    /** The base font size at scale 1, in pixels (the stylesheet's .root size). */
    public static final double BASE_FONT_PX = 13;
    static final double[] STEPS = {0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.25, 2.5};

    private final ReadOnlyDoubleWrapper factor = new ReadOnlyDoubleWrapper(1.0);
    private final WindowSettings settings;

    public UiScale(WindowSettings settings) {
        this.settings = settings;
        factor.set(nearestStep(settings.uiScale()));
    }

    /** Applies the scale to the scene's root now and whenever it changes. */
    public void applyTo(Scene scene) {
        Runnable apply = () -> scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                BASE_FONT_PX * factor.get()));
        apply.run();
        factor.addListener((obs, old, now) -> apply.run());
    }

    public void larger() {
        set(STEPS[Math.min(STEPS.length - 1, index() + 1)]);
    }

    public void smaller() {
        set(STEPS[Math.max(0, index() - 1)]);
    }

    public void reset() {
        set(1.0);
    }

    public void set(double scale) {
        factor.set(nearestStep(scale));
        settings.saveUiScale(factor.get());
    }

    public ReadOnlyDoubleProperty factorProperty() {
        return factor.getReadOnlyProperty();
    }

    private int index() {
        for (int i = 0; i < STEPS.length; i++) {
            if (STEPS[i] == factor.get()) {
                return i;
            }
        }
        return 1;
    }

    static double nearestStep(double scale) {
        double best = 1.0;
        for (double step : STEPS) {
            if (Math.abs(step - scale) < Math.abs(best - scale)) {
                best = step;
            }
        }
        return best;
    }
}
