package org.persistenceexplorer.ui.lessons;

import java.util.function.DoubleSupplier;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The window's content with the Lessons panel at its right. The panel is as wide as it likes
 * (its CSS width, wider in projector mode) while the content keeps the width it needs; where the
 * window has not room for both, the panel gives way, down to its min width, before the content
 * does. The content always starts at the window's left edge (a border pane gave the panel its
 * full width and left the content to overflow). FX thread.
 */
final class ContentWithPanel extends Region {

    private final Node content;
    private final Region panel;
    private final DoubleSupplier contentWants;

    /** @param contentWants the width the content needs to show whole (asked at each layout) */
    ContentWithPanel(Node content, Region panel, DoubleSupplier contentWants) {
        this.content = content;
        this.panel = panel;
        this.contentWants = contentWants;
        getChildren().addAll(content, panel);
    }

    /** How wide the panel is in a window this wide. */
    static double panelWidth(double width, double contentWants, double panelMin, double panelPref) {
        double room = width - contentWants;
        return Math.min(width, Math.max(panelMin, Math.min(panelPref, room)));
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double side = panel.isManaged()
                ? snapSizeX(panelWidth(width, contentWants.getAsDouble(), panel.minWidth(height), panel.prefWidth(height)))
                : 0;
        content.resizeRelocate(0, 0, Math.max(0, width - side), height);
        if (panel.isManaged()) {
            panel.resizeRelocate(width - side, 0, side, height);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(content.minHeight(-1), panel.isManaged() ? panel.minHeight(-1) : 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height) + (panel.isManaged() ? panel.prefWidth(height) : 0);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(content.prefHeight(-1), panel.isManaged() ? panel.prefHeight(-1) : 0);
    }
}
