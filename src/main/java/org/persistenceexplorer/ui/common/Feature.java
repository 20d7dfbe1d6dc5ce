package org.persistenceexplorer.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * One tab or lab of the main window: a package under {@code ui/} (view, view-model, FXML) plus
 * its service, registered with one line in the app's feature list. The main window makes the
 * tab, its icon and its Ctrl+digit shortcut from this, and builds the view only when the tab is
 * first shown, so a tab nobody opens costs nothing. FX thread.
 */
public interface Feature {

    /** Stable key, e.g. "tables": for settings and test lookups ({@code #tables-tab}). */
    String id();

    /** The tab's title, in the user's words. */
    String title();

    /** An Ikonli icon code for the tab (e.g. "mdal-table_chart"), or null for none. */
    default String icon() {
        return null;
    }

    /** A shortcut of its own, or null for Ctrl+<position> (Ctrl+1 for the first tab...). */
    default KeyCombination shortcut() {
        return null;
    }

    /**
     * Builds the view; called on the FX thread when the tab is first shown, and again after the
     * engines switched to another connection profile (the old view was closed).
     */
    FeatureView open(FeatureContext context);

    /**
     * The commands lessons may call (decision 0030), named "{@code <id>.<verb>}". They act on
     * the view-models this feature builds in {@link #prepare}; the main window opens the tab
     * before it runs one. Listing them builds nothing.
     */
    default java.util.List<FeatureCommand> commands() {
        return java.util.List.of();
    }

    /**
     * Builds the feature's view-models without a view, once (later calls and {@link #open} reuse
     * them), so its commands can run headless in lesson tests. A feature without commands needs
     * nothing here.
     */
    default void prepare(FeatureContext context) {
    }

    /**
     * The engines moved to another connection profile: forget the view-models built for the
     * previous servers (their views were closed just before), so the next {@link #open} or
     * {@link #prepare} builds them afresh against the new ones. FX thread.
     */
    default void reset() {
    }
}
