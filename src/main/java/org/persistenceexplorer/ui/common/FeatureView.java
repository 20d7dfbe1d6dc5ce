package org.persistenceexplorer.ui.common;

import javafx.scene.Node;

/**
 * A feature's view as the main window holds it: its root node and its life. The feature's
 * ticker group is active exactly while it is shown. FX thread.
 */
public interface FeatureView {

    Node root();

    /** The tab became visible. */
    default void shown() {
    }

    /** The tab was hidden (another tab selected, window closing). */
    default void hidden() {
    }

    /** The window closes: end lanes, drop subscriptions. */
    default void close() {
    }

    /** A view that is only a node. */
    static FeatureView of(Node root) {
        return () -> root;
    }
}
