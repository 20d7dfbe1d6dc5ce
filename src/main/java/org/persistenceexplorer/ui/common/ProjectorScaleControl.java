package org.persistenceexplorer.ui.common;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Projector mode's text size: a slider from 1.5x to 2.5x in quarter steps, bound to
 * {@link DisplayMode#projectorScaleProperty()} (remembered there, applied to every tab through
 * {@link UiScale}). The size changes when the thumb is let go, so a drag does not restyle the
 * whole window at every pixel. FX thread.
 */
public final class ProjectorScaleControl {

    private final HBox node;
    private final Slider slider;

    public ProjectorScaleControl(DisplayMode display) {
        slider = new Slider(DisplayMode.MIN_PROJECTOR_SCALE, DisplayMode.MAX_PROJECTOR_SCALE,
                display.projectorScaleProperty().get());
        slider.setId("projectorScaleSlider");
        slider.setMajorTickUnit(0.25);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(0.25);
        slider.setPrefWidth(140);
        slider.valueProperty().addListener((o, was, now) -> {
            if (!slider.isValueChanging()) {
                display.projectorScaleProperty().set(quarter(now.doubleValue()));
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                display.projectorScaleProperty().set(quarter(slider.getValue()));
            }
        });
        display.projectorScaleProperty().addListener((o, was, now) -> slider.setValue(now.doubleValue()));
        Label value = new Label();
        value.setId("projectorScaleValue");
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f×", display.projectorScaleProperty().get()),
                display.projectorScaleProperty()));
        Label title = new Label("Text size");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        node = new HBox(8, title, slider, value);
        node.setId("projectorScale");
        node.getStyleClass().add("pe-projector-scale");
        node.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        node.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Tooltip.install(node, new Tooltip("Projector mode's text size on every tab, 1.5x to 2.5x (remembered). "
                + "F11 or Esc leaves projector mode."));
    }

    private static double quarter(double v) {
        return Math.round(v * 4) / 4.0;
    }

    public HBox node() {
        return node;
    }

    Slider slider() {
        return slider;
    }
}
