package org.persistenceexplorer.ui.tables;

import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ObservableListBase;
import org.persistenceexplorer.service.tables.GridRow;

/**
 * What the grid's table holds: a {@link RowWindow} of the result's rows (at most
 * {@link RowGridViewModel#WINDOW_ROWS}), so the table's VirtualFlow, whose position arithmetic
 * loops over every item on each jump, never sees a million of them. {@link #get} answers the
 * result's row at the window's start plus the index (from the page cache, or null and its page is
 * asked for).
 * <p>
 * A page arriving is <em>not</em> announced as a list change: to TableView's skin any replaced
 * item means "rebuild every cell", which on a scroll through a long table happened for each page.
 * The rows of a slot that showed "…" are the same slot filled in, so {@link #onRowsArrived}
 * listeners refresh the rows on screen instead (see {@link GridWindow}). A moved window is not a
 * list change either ({@link #moveTo}): {@link GridWindow}, the only one to move it, refreshes the
 * rows, the selection and the focus it shows. A new result is a list change as usual. FX thread.
 */
final class WindowedRows extends ObservableListBase<GridRow> {

    private final IntFunction<GridRow> rowAt;
    private final IntFunction<GridRow> loadedAt;
    private final RowWindow window;
    private final List<Runnable> arrivals = new java.util.ArrayList<>();

    /**
     * @param rowAt    the result's row at an index if loaded, otherwise null (and its page is asked for)
     * @param loadedAt the same without asking for anything
     */
    WindowedRows(IntFunction<GridRow> rowAt, IntFunction<GridRow> loadedAt, int capacity) {
        this.rowAt = rowAt;
        this.loadedAt = loadedAt;
        this.window = new RowWindow(capacity);
    }

    @Override
    public GridRow get(int index) {
        if (index < 0 || index >= window.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return rowAt.apply(window.toResult(index));
    }

    @Override
    public int size() {
        return window.size();
    }

    /**
     * Searches the loaded rows only: the table's selection model looks its selected item up after
     * every change, and a search through the unloaded ones would ask for every page.
     */
    @Override
    public int indexOf(Object o) {
        if (o instanceof GridRow) {
            for (int i = 0, n = window.size(); i < n; i++) {
                if (o.equals(loadedAt.apply(window.toResult(i)))) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        if (o instanceof GridRow) {
            for (int i = window.size() - 1; i >= 0; i--) {
                if (o.equals(loadedAt.apply(window.toResult(i)))) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The row at a window index if it is loaded, else null; asks for nothing. */
    GridRow loaded(int index) {
        return index >= 0 && index < window.size() ? loadedAt.apply(window.toResult(index)) : null;
    }

    /** The window's place in the result (read-only use: move it with {@link #moveTo}). */
    RowWindow window() {
        return window;
    }

    /** A new result of {@code rows} rows: every old item goes, the window starts at its first row. */
    void reset(int rows) {
        beginChange();
        if (window.size() > 0) {
            nextRemove(0, Collections.nCopies(window.size(), (GridRow) null));
        }
        window.reset(rows);
        if (window.size() > 0) {
            nextAdd(0, window.size());
        }
        endChange();
    }

    /**
     * Moves the window to start at this result row (clamped). Like an arrival, not a list change:
     * the table would rebuild every cell and the change would copy the whole window; the caller
     * re-reads what the table shows (rows on screen, selection, focus). False when it did not move.
     */
    boolean moveTo(int start) {
        return window.moveTo(start) != 0;
    }

    /** The result's rows {@code from} (inclusive) to {@code to} (exclusive) were loaded. */
    void arrived(int from, int to) {
        int start = window.start();
        if (to > start && from < start + window.size()) {
            arrivals.forEach(Runnable::run);
        }
    }

    /** Called when rows inside the window were loaded (not a list change: see the class comment). */
    void onRowsArrived(Runnable listener) {
        arrivals.add(listener);
    }
}
