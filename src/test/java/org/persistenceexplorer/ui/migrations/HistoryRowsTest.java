package org.persistenceexplorer.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.migration.HistoryEntry;

/**
 * The history table's items: a move that changes rows in place (state, installed on, the current
 * mark) replaces them without a list change and says which; anything else is one list change.
 */
class HistoryRowsTest {

    private final HistoryRows rows = new HistoryRows();
    private final List<String> changes = new ArrayList<>();

    HistoryRowsTest() {
        rows.addListener((ListChangeListener<HistoryEntry>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
            }
        });
    }

    @Test
    void theFirstHistoryIsOneListChange() {
        assertThat(rows.show(pending(3))).isEmpty();
        assertThat(changes).containsExactly("+3");
        assertThat(rows).containsExactlyElementsOf(pending(3));
    }

    @Test
    void aMoveReplacesTheChangedRowsInPlaceAndNamesThem() {
        rows.show(pending(3));
        changes.clear();
        List<HistoryEntry> moved = new ArrayList<>(pending(3));
        moved.set(0, applied("1", false));
        moved.set(1, applied("2", true));

        assertThat(rows.show(moved)).containsExactly(0, 1);
        assertThat(changes).isEmpty();
        assertThat(rows).containsExactlyElementsOf(moved);
        assertThat(rows.show(moved)).as("nothing differs").isEmpty();
    }

    @Test
    void theSchemaCreationRowIsOneAddAtTheTopAndTheRowsBelowChangeInPlace() {
        rows.show(pending(3));
        changes.clear();
        List<HistoryEntry> moved = new ArrayList<>(List.of(applied("1", false), applied("2", false), applied("3", true)));
        moved.add(0, new HistoryEntry(null, "<< Flyway Schema Creation >>", "SCHEMA", "\"blog\"", null, null, Instant.EPOCH, "pe",
                0, "Success", false));

        assertThat(rows.show(moved)).containsExactly(1, 2, 3);
        assertThat(changes).containsExactly("+1");
        assertThat(rows).containsExactlyElementsOf(moved);

        changes.clear();
        assertThat(rows.show(pending(3))).as("back to the empty schema").containsExactly(0, 1, 2);
        assertThat(changes).containsExactly("-1");
        assertThat(rows).containsExactlyElementsOf(pending(3));
    }

    @Test
    void rowsOfAnotherScriptAddedOrAllRemovedAreListChangesOfJustThoseRows() {
        rows.show(pending(3));
        changes.clear();
        assertThat(rows.show(pending(4))).isEmpty();
        assertThat(changes).containsExactly("+1");

        changes.clear();
        List<HistoryEntry> undone = new ArrayList<>(pending(4));
        undone.set(3, new HistoryEntry("4", "step 4", "UNDO_SQL", "U4__step.sql", 4, 4, Instant.EPOCH, "pe", 3, "Undone", false));
        assertThat(rows.show(undone)).isEmpty();
        assertThat(changes).containsExactly("-1+1");
        assertThat(rows).containsExactlyElementsOf(undone);

        changes.clear();
        assertThat(rows.show(List.of())).isEmpty();
        assertThat(changes).containsExactly("-4");
        assertThat(rows).isEmpty();
    }

    private static List<HistoryEntry> pending(int versions) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            entries.add(new HistoryEntry(String.valueOf(v), "step " + v, "SQL", "V" + v + "__step.sql", v, v, null, null, null,
                    "Pending", false));
        }
        return entries;
    }

    private static HistoryEntry applied(String version, boolean current) {
        int v = Integer.parseInt(version);
        return new HistoryEntry(version, "step " + v, "SQL", "V" + v + "__step.sql", v, v, Instant.EPOCH, "pe", 5, "Success", current);
    }
}
