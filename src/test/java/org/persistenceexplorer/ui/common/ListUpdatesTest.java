package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** What a list's listeners see when {@link ListUpdates#replace} brings it to new contents. */
class ListUpdatesTest {

    private final ObservableList<String> list = FXCollections.observableArrayList("a", "b", "c", "d");
    private final List<String> seen = new ArrayList<>();

    ListUpdatesTest() {
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                seen.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom() + "-" + c.getTo());
            }
        });
    }

    @Test
    void equalContentsFireNothing() {
        ListUpdates.replace(list, List.of("a", "b", "c", "d"));
        assertThat(seen).isEmpty();
        assertThat(list).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aListOfTheSameSizeHasOnlyItsDifferingElementsReplaced() {
        ListUpdates.replace(list, List.of("a", "B", "c", "D"));
        assertThat(seen).containsExactly("replaced 1-2", "replaced 3-4");
        assertThat(list).containsExactly("a", "B", "c", "D");
    }

    @Test
    void anotherSizeReplacesTheWholeListAtOnce() {
        ListUpdates.replace(list, List.of("a", "b"));
        assertThat(seen).containsExactly("replaced 0-2");
        assertThat(list).containsExactly("a", "b");
        seen.clear();
        ListUpdates.replace(list, List.of());
        assertThat(seen).containsExactly("removed 0-0");
        assertThat(list).isEmpty();
    }
}
