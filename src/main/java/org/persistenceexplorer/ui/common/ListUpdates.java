package org.persistenceexplorer.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/**
 * Brings an observable list to new contents with the smallest change its listeners see: nothing
 * when the contents are equal, one {@code set} per differing element when the size is the same,
 * else one {@code setAll}. A list or table shown on screen restyles and lays out only the cells
 * whose item changed: after a migration moves, only the history rows whose state changed, and
 * none of the unchanged lists (versions, problems, folder files). FX thread.
 */
public final class ListUpdates {

    private ListUpdates() {
    }

    /** Replaces {@code list}'s contents by {@code items}, firing as little as it can. */
    public static <T> void replace(ObservableList<T> list, List<? extends T> items) {
        if (list.size() != items.size()) {
            list.setAll(items);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (!Objects.equals(list.get(i), item)) {
                list.set(i, item);
            }
        }
    }
}
