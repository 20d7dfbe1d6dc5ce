package org.persistenceexplorer.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.tables.GridRow;

/** The grid's window over a long result: where it starts, how it maps rows, what the table is told. */
class RowWindowTest {

    @Test
    void aResultNoLongerThanTheWindowIsOneWindowThatNeverMoves() {
        RowWindow window = new RowWindow(100);
        window.reset(80);
        assertThat(window.moves()).isFalse();
        assertThat(window.size()).isEqualTo(80);
        assertThat(window.startFor(79, 10)).isZero();
        assertThat(window.moveTo(50)).isZero();
        assertThat(window.toWindow(79)).isEqualTo(79);
    }

    @Test
    void theWindowStaysWhileTheRowsShownAreWellInsideIt() {
        RowWindow window = new RowWindow(100);
        window.reset(1_000_000);
        assertThat(window.startFor(0, 20)).isZero();
        assertThat(window.startFor(50, 20)).as("75 rows to go, 25 are enough").isZero();
        assertThat(window.startFor(60, 20)).as("near the end of the window: centred").isEqualTo(60 - 40);
    }

    @Test
    void aJumpCentresTheWindowOnTheRowsShownAndTheEndIsReachable() {
        RowWindow window = new RowWindow(100);
        window.reset(1_000_000);
        int start = window.startFor(500_000, 20);
        assertThat(start).isEqualTo(500_000 - 40);
        window.moveTo(start);
        assertThat(window.toResult(40)).isEqualTo(500_000);
        assertThat(window.toWindow(500_019)).isEqualTo(59);
        assertThat(window.toWindow(start - 1)).isEqualTo(-1);
        assertThat(window.toWindow(start + 100)).isEqualTo(-1);

        int end = window.startFor(999_980, 20);
        assertThat(end).as("kept inside the result").isEqualTo(1_000_000 - 100);
        window.moveTo(end);
        assertThat(window.startFor(999_980, 20)).as("at the result's end the window stays").isEqualTo(end);
        assertThat(window.toResult(99)).isEqualTo(999_999);
        window.moveTo(0);
        assertThat(window.startFor(0, 20)).isZero();
    }

    @Test
    void aNewResultStartsTheWindowAtItsFirstRow() {
        RowWindow window = new RowWindow(100);
        window.reset(1_000);
        window.moveTo(500);
        window.reset(300);
        assertThat(window.start()).isZero();
        assertThat(window.size()).isEqualTo(100);
        window.moveTo(900);
        assertThat(window.start()).as("clamped into the shorter result").isEqualTo(200);
    }

    @Test
    void theTableSeesTheWindowsRowsANewResultIsAListChangeAMoveAndArrivalsAreNot() {
        Map<Integer, GridRow> loaded = new ConcurrentHashMap<>();
        List<Integer> asked = new ArrayList<>();
        WindowedRows rows = new WindowedRows(i -> {
            asked.add(i);
            return loaded.get(i);
        }, loaded::get, 100);
        List<String> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<GridRow>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom() + "-" + c.getTo());
            }
        });
        int[] arrivals = {0};
        rows.onRowsArrived(() -> arrivals[0]++);

        rows.reset(1_000_000);
        assertThat(rows).hasSize(100);
        assertThat(changes).containsExactly("added 0-100");
        assertThat(rows.get(5)).isNull();
        assertThat(asked).containsExactly(5);

        assertThat(rows.moveTo(400_000)).isTrue();
        assertThat(rows.window().start()).isEqualTo(400_000);
        GridRow row = new GridRow(List.of("400007"), List.of("400007"), List.of("400007"));
        loaded.put(400_007, row);
        rows.arrived(400_000, 400_200);
        assertThat(arrivals[0]).isEqualTo(1);
        rows.arrived(0, 200);
        assertThat(arrivals[0]).as("rows outside the window").isEqualTo(1);
        assertThat(changes).as("neither a move nor arrivals are list changes").hasSize(1);
        assertThat(rows.get(7)).isSameAs(row);
        asked.clear();
        assertThat(rows.indexOf(row)).isEqualTo(7);
        assertThat(rows.indexOf(new GridRow(List.of("1"), List.of("1"), List.of("1")))).isEqualTo(-1);
        assertThat(asked).as("a search asks for no page").isEmpty();
        assertThat(rows.moveTo(400_000)).as("already there").isFalse();
    }
}
