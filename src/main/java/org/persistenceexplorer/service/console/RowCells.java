package org.persistenceexplorer.service.console;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One row of a result page as the console keeps it: the cells' text (null for SQL NULL) in the
 * array they were read into, seen as an unmodifiable list. One small object per row instead of a
 * list, its array and an unmodifiable view (a 500-row page made 1,500 of those). Immutable once
 * made: the array is never written after it is handed over.
 */
final class RowCells extends AbstractList<String> implements RandomAccess {

    private final String[] cells;

    RowCells(String[] cells) {
        this.cells = cells;
    }

    @Override
    public String get(int index) {
        return cells[index];
    }

    @Override
    public int size() {
        return cells.length;
    }
}
