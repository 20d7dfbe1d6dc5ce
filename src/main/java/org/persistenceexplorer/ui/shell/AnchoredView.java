package org.persistenceexplorer.ui.shell;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A view of the main window (a tab's feature view, the log) at the size of its place, anchored at
 * its top left. A tab pane takes the widest min width of all its opened views as its own, and a
 * tab pane, split pane or border pane centres a child wider than its place: one wide view (Tables
 * at projector sizes) or the log's toolbar at large text made the window's content wider than
 * the screen and pushed every tab, headers included, past the window's left edge. An anchored
 * view asks for no width of its own ({@link #wantedWidth()} says what its view needs, for the
 * Lessons panel to make room); a view wider than its place overflows to the right, clipped,
 * never to the left. Heights are the view's, as before. FX thread.
 */
final class AnchoredView extends Region {

    private final Node view;
    private final Rectangle clip = new Rectangle();

    AnchoredView(Node view) {
        this.view = view;
        getChildren().add(view);
        getStyleClass().add("pe-anchored-view");
        setClip(clip);
    }

    Node view() {
        return view;
    }

    /** The width the view needs to show whole: its min width. */
    double wantedWidth() {
        return view.minWidth(-1);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return view.minHeight(-1);
    }

    @Override
    protected double computePrefWidth(double height) {
        return view.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return view.prefHeight(-1);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(Math.max(getWidth(), view.minWidth(-1)));
        double height = snapSizeY(Math.max(getHeight(), view.minHeight(width)));
        view.resizeRelocate(0, 0, width, height);
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
    }
}
