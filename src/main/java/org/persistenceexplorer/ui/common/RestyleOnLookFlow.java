package org.persistenceexplorer.ui.common;

import java.util.function.Supplier;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table's VirtualFlow that restyles a reused row only when its look changed. VirtualFlow applies
 * CSS to every row it gives an index whose content changed ({@code Node.applyCss} of the row and all
 * its cells): when a table's rows on screen all get new items at once (a jump through a big grid, a
 * log full of statements whose newest rows replace the oldest), that is every row, and it was the FX
 * thread's largest cost in JFR ({@code CssStyleHelper.transitionToState}). A row whose text alone
 * changed needs no CSS; a row or cell whose pseudo-classes changed ({@link #watchLook}) gets it at
 * once, as before; a new row goes the flow's own way. Rows are fixed-size in every table that uses
 * it, so no size depends on the CSS skipped. FX thread.
 */
public class RestyleOnLookFlow<T> extends VirtualFlow<TableRow<T>> {

    /** The row's look changed since its last index: restyle it when it gets the next one. */
    static final String RESTYLE = "pe-restyle";
    /** Put on a row by VirtualFlow when it creates it (its private NEW_CELL key). */
    private static final String NEW_CELL = "newcell";
    private static final PseudoClass EVEN = PseudoClass.getPseudoClass("even");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");

    /**
     * Marks {@code row} for a restyle when a change of these pseudo-classes (a row's or one of its
     * cells') alters its look: any but :even / :odd, which only a "striped" table styles and none of
     * the app's tables is.
     */
    public static void watchLook(ObservableSet<PseudoClass> states, Supplier<? extends Node> row) {
        states.addListener((SetChangeListener<PseudoClass>) change -> {
            PseudoClass state = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
            Node node = row.get();
            if (state != EVEN && state != ODD && node != null) {
                node.getProperties().put(RESTYLE, Boolean.TRUE);
            }
        });
    }

    /** A skin for {@code table} whose rows are laid out by a {@link RestyleOnLookFlow}. */
    public static <T> TableViewSkin<T> skinFor(TableView<T> table) {
        return new TableViewSkin<>(table) {
            @Override
            protected VirtualFlow<TableRow<T>> createVirtualFlow() {
                return new RestyleOnLookFlow<>();
            }
        };
    }

    @Override
    protected void setCellIndex(TableRow<T> row, int index) {
        if (row.getScene() == null || row.getProperties().containsKey(NEW_CELL)) {
            super.setCellIndex(row, index);
            return;
        }
        reindex(row, index);
    }

    /**
     * Gives a row on screen this index (again) outside the flow's own placing, e.g. when its item
     * arrived: restyled, at once, only when its look changed, as the flow's rows are.
     */
    public static void reindex(TableRow<?> row, int index) {
        row.getProperties().remove(RESTYLE);
        row.updateIndex(index);
        if (row.getProperties().remove(RESTYLE) != null) {
            row.applyCss();
        }
    }
}
