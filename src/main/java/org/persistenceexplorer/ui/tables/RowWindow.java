package org.persistenceexplorer.ui.tables;

/**
 * Which rows of a long result the grid's table holds: a window of at most {@link #capacity()}
 * rows starting at {@link #start()}, placed so the rows on screen sit well inside it. The grid
 * scrolls within the window as any table does; when the rows on screen come near an edge the
 * window moves (a new start), and a scroll bar of the grid's own maps the whole result. A
 * result no longer than the capacity is one window starting at 0, which never moves. Pure
 * arithmetic, no toolkit; not thread-safe (the FX thread's).
 */
final class RowWindow {

    private final int capacity;
    private int total;
    private int start;

    /** @param capacity the most rows the table holds at once */
    RowWindow(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("a window needs room for a few rows, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new result of {@code rows} rows: the window starts at its first row again. */
    void reset(int rows) {
        total = Math.max(0, rows);
        start = 0;
    }

    int capacity() {
        return capacity;
    }

    /** Rows in the whole result. */
    int total() {
        return total;
    }

    /** The result's row that is the window's first. */
    int start() {
        return start;
    }

    /** Rows in the window: the capacity, or the whole result when that is shorter. */
    int size() {
        return Math.min(total, capacity);
    }

    /** True when the result is longer than one window, so the window can move. */
    boolean moves() {
        return total > capacity;
    }

    /**
     * Where the window should start so that rows {@code top} to {@code top + visible} of the
     * result are on screen with room to scroll on both sides: the current start while those rows
     * are more than a quarter of the window away from both of its edges (or the window already
     * touches the result's edge on that side); otherwise a start that centres them, kept inside
     * the result.
     */
    int startFor(int top, int visible) {
        if (!moves()) {
            return 0;
        }
        int first = clamp(top, 0, total - 1);
        int last = Math.min(total, first + Math.max(1, visible));
        int margin = capacity / 4;
        boolean roomBefore = start == 0 || first - start >= margin;
        boolean roomAfter = start + capacity == total || start + capacity - last >= margin;
        if (first >= start && last <= start + capacity && roomBefore && roomAfter) {
            return start;
        }
        return clamp(first - (capacity - (last - first)) / 2, 0, total - capacity);
    }

    /** Moves the window (clamped into the result); returns how far its start moved. */
    int moveTo(int newStart) {
        int before = start;
        start = moves() ? clamp(newStart, 0, total - capacity) : 0;
        return start - before;
    }

    /** The result's row shown at this window position. */
    int toResult(int windowIndex) {
        return start + windowIndex;
    }

    /** The window position of this result row, or -1 when the row is outside the window. */
    int toWindow(int resultRow) {
        int at = resultRow - start;
        return at >= 0 && at < size() ? at : -1;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
