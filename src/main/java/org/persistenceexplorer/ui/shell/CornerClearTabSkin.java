package org.persistenceexplorer.ui.shell;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.skin.TabPaneSkin;
import javafx.scene.layout.Region;

/**
 * The main tab pane's skin: its tab headers' row ends left of what lies over the row's right end
 * (the Lessons and Connect buttons). The headers that do not fit then go to the row's own menu
 * (▾, at the row's new end) instead of under the buttons, where they could not be clicked (at 2.5x
 * the last three). The stock skin ignores the header row's padding when it decides what fits, so
 * the row itself is made narrower. FX thread.
 */
final class CornerClearTabSkin extends TabPaneSkin {

    private final ObservableDoubleValue right;

    /** @param right the width to keep free at the row's right end, in pixels */
    CornerClearTabSkin(TabPane pane, ObservableDoubleValue right) {
        super(pane);
        this.right = right;
        right.addListener(o -> pane.requestLayout());
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        double free = Math.max(0, right.get());
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("tab-header-area") && child instanceof Region row) {
                row.resize(Math.max(0, w - free), row.getHeight());
            }
        }
    }
}
