package org.persistenceexplorer.ui.tables;

import java.util.function.IntFunction;
import javafx.collections.ObservableListBase;
import org.persistenceexplorer.service.tables.GridRow;

/**
 * The grid's items: as many as the query has rows, but only the pages near the view are ever
 * in memory. {@link #get} answers from the page cache or returns null (a row still loading)
 * and asks for its page; when the page arrives, its rows are announced as replaced so the
 * visible cells redraw. FX thread.
 */
final class PagedRows extends ObservableListBase<GridRow> {

    private final IntFunction<GridRow> rowAt;
    private int size;

    /** @param rowAt the cached row at an index, or null (and a request for its page) */
    PagedRows(IntFunction<GridRow> rowAt) {
        this.rowAt = rowAt;
    }

    @Override
    public GridRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return rowAt.apply(index);
    }

    @Override
    public int size() {
        return size;
    }

    /** A new query's rows: every old item is gone, {@code newSize} placeholders take their place. */
    void reset(int newSize) {
        beginChange();
        if (size > 0) {
            nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(size, (GridRow) null)));
        }
        size = newSize;
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) arrived. */
    void arrived(int from, int to) {
        int end = Math.min(to, size);
        if (from >= end) {
            return;
        }
        beginChange();
        for (int i = from; i < end; i++) {
            nextSet(i, null);
        }
        endChange();
    }
}
