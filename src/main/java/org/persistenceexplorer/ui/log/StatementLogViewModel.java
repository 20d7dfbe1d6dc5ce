package org.persistenceexplorer.ui.log;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.log.StatementLog;

/**
 * The live statement log panel: drains new statements from the {@link StatementLog} on each
 * tick into a bounded list (newest at the bottom), filters it, pauses and clears.
 * FX thread; no toolkit needed, so it is tested with plain JUnit.
 */
public final class StatementLogViewModel {

    /** The panel keeps at most this many rows; the log service keeps far more. */
    public static final int MAX_ROWS = 5_000;

    private final StatementLog log;
    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    private final FilteredList<LogRow> visibleRows = new FilteredList<>(rows, row -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No statements yet");
    private long cursor;

    public StatementLogViewModel(StatementLog log) {
        this.log = log;
        filter.addListener((obs, old, text) -> visibleRows.setPredicate(row -> row.matches(text)));
    }

    /** Takes in what arrived since the last tick, unless paused. Call on each UI tick. */
    public void refresh() {
        if (paused.get()) {
            return;
        }
        StatementLog.Page page = log.readFrom(cursor);
        cursor = page.next();
        List<CapturedStatement> fresh = page.statements();
        if (fresh.isEmpty()) {
            return;
        }
        int keep = Math.min(fresh.size(), MAX_ROWS);
        List<LogRow> incoming = fresh.subList(fresh.size() - keep, fresh.size()).stream().map(LogRow::new).toList();
        int overflow = rows.size() + incoming.size() - MAX_ROWS;
        if (overflow > 0) {
            rows.remove(0, overflow);
        }
        rows.addAll(incoming);
        summary.set(rows.size() + (rows.size() == MAX_ROWS ? " latest statements shown" : " statements shown"));
    }

    /** Empties the panel and resets the counters everywhere. */
    public void clear() {
        log.reset();
        rows.clear();
        summary.set("Cleared; counters reset");
    }

    public ObservableList<LogRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<LogRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
