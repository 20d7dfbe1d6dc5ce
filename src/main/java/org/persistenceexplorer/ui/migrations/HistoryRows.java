package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;
import org.persistenceexplorer.domain.migration.HistoryEntry;

/**
 * The history table's items: the model's history, with the entries whose row stays the same row
 * (same version, script and type, before or after the rows added or removed) replaced without a
 * list change.
 *
 * <p>Why: TableView rebuilds every row on any replaced item ({@code TableViewSkinBase}'s row count
 * listener sets its item count to 0): every row on screen is emptied, put on the pile and given an
 * index again, each with a CSS pass of its whole subtree, and the viewport's empty rows (skins
 * without cells, see {@code MigrationsView.EmptyRowSkin}) come back from the pile in reverse order
 * and get a full skin of seven cells for a version row. After a move (most rows change state) that
 * was the FX thread's longest stretch of work. Replaced quietly, only the rows whose entry changed
 * are updated by the view ({@link #show} says which); a row restyles only when its state or
 * current-version mark (pseudo-classes) changed. Rows added or removed (Flyway's schema-creation
 * row, undo rows, new files) are one list change of just those rows: a pure add or remove does not
 * rebuild the table's rows either, only one that replaces rows. FX thread.
 */
final class HistoryRows extends ObservableListBase<HistoryEntry> {

    private final List<HistoryEntry> entries = new ArrayList<>();

    @Override
    public HistoryEntry get(int index) {
        return entries.get(index);
    }

    @Override
    public int size() {
        return entries.size();
    }

    /**
     * Brings the rows to {@code now}. The rows before and after the first and last that differ in
     * version, script or type keep their place and take their new entry without a list change; the
     * rows between are one list change (none when there are none: after a move, a state change in
     * place; the schema's creation row added or removed at the top: one add or remove). Returns the
     * indices (in {@code now}) of the entries replaced without a list change: their rows on screen
     * must be given them again.
     */
    List<Integer> show(List<? extends HistoryEntry> now) {
        int oldSize = entries.size();
        int newSize = now.size();
        int head = 0;
        while (head < oldSize && head < newSize && sameRow(entries.get(head), now.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < oldSize - head && tail < newSize - head && sameRow(entries.get(oldSize - 1 - tail), now.get(newSize - 1 - tail))) {
            tail++;
        }
        List<Integer> inPlace = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            if (!entries.get(i).equals(now.get(i))) {
                inPlace.add(i);
            }
        }
        for (int i = newSize - tail; i < newSize; i++) {
            if (!entries.get(i - newSize + oldSize).equals(now.get(i))) {
                inPlace.add(i);
            }
        }
        List<HistoryEntry> removed = List.copyOf(entries.subList(head, oldSize - tail));
        entries.clear();
        entries.addAll(now);
        int added = newSize - tail - head;
        if (!removed.isEmpty() || added > 0) {
            beginChange();
            if (!removed.isEmpty()) {
                nextRemove(head, removed);
            }
            if (added > 0) {
                nextAdd(head, head + added);
            }
            endChange();
        }
        return inPlace;
    }

    /** The same row of the history: same version, script and type (its state, time and current mark may differ). */
    private static boolean sameRow(HistoryEntry was, HistoryEntry is) {
        return Objects.equals(was.version(), is.version()) && Objects.equals(was.script(), is.script())
                && Objects.equals(was.type(), is.type());
    }
}
