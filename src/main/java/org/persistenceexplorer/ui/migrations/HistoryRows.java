package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;
import org.persistenceexplorer.domain.migration.HistoryEntry;

/**
 * The history table's items: the model's history, with the entries whose row stays the same row
 * (same version, script and type at the same place) replaced without a list change.
 *
 * <p>Why: TableView rebuilds every row on any replaced item ({@code TableViewSkinBase}'s row count
 * listener sets its item count to 0): every row on screen is emptied, put on the pile and given an
 * index again, each with a CSS pass of its whole subtree, and the viewport's empty rows (skins
 * without cells, see {@code MigrationsView.EmptyRowSkin}) come back from the pile in reverse order
 * and get a full skin of seven cells for a version row. After a move (most rows change state) that
 * was the FX thread's longest stretch of work. Replaced quietly, only the rows whose entry changed
 * are updated by the view ({@link #show} says which); a row restyles only when its state or
 * current-version mark (pseudo-classes) changed. Any other change (rows added, removed or moved)
 * is one ordinary list change. FX thread.
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
     * Brings the rows to {@code now}. Returns the indices replaced without a list change (their
     * rows on screen must be given their entry again; empty when nothing differed), or null when
     * the list changed as usual.
     */
    List<Integer> show(List<? extends HistoryEntry> now) {
        if (!sameRows(now)) {
            beginChange();
            List<HistoryEntry> old = List.copyOf(entries);
            entries.clear();
            entries.addAll(now);
            if (!old.isEmpty()) {
                nextRemove(0, old);
            }
            if (!entries.isEmpty()) {
                nextAdd(0, entries.size());
            }
            endChange();
            return null;
        }
        List<Integer> replaced = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (!entries.get(i).equals(now.get(i))) {
                entries.set(i, now.get(i));
                replaced.add(i);
            }
        }
        return replaced;
    }

    /** Same number of rows, each the same version, script and type as before: only their contents may differ. */
    private boolean sameRows(List<? extends HistoryEntry> now) {
        if (now.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            HistoryEntry was = entries.get(i);
            HistoryEntry is = now.get(i);
            if (!Objects.equals(was.version(), is.version()) || !Objects.equals(was.script(), is.script())
                    || !Objects.equals(was.type(), is.type())) {
                return false;
            }
        }
        return true;
    }
}
