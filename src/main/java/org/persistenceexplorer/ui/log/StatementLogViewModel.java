package org.persistenceexplorer.ui.log;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import java.util.function.Supplier;
import org.persistenceexplorer.domain.statement.CaptureCost;
import org.persistenceexplorer.service.log.ActionTotals;
import org.persistenceexplorer.service.log.StatementLog;

/**
 * The live statement log panel: drains new statements from the {@link StatementLog} on each
 * tick into a bounded list (newest at the bottom), filters it, pauses and clears; follows the
 * newest statement while the reader is at the bottom and counts what arrived while they read
 * further up; describes the selected statement in full. FX thread; no toolkit needed, so it is
 * tested with plain JUnit.
 */
public final class StatementLogViewModel {

    /** The panel keeps at most this many rows; the log service keeps far more. */
    public static final int MAX_ROWS = 5_000;
    static final String EMPTY = "No statements yet. Everything the app runs on PostgreSQL and Neo4j appears here.";

    private final StatementLog log;
    private final ObservableList<LogRow> rows = FXCollections.observableArrayList();
    private final javafx.beans.property.ObjectProperty<LogHighlight> highlight = new javafx.beans.property.SimpleObjectProperty<>();
    private final FilteredList<LogRow> visibleRows = new FilteredList<>(rows, row -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No statements yet");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(EMPTY);
    private final ObjectProperty<LogRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StatementDetail> detail = new ReadOnlyObjectWrapper<>();
    private boolean cleared;
    private long cursor;
    private long completedCursor;

    private final ActionTotals totals;
    private final Supplier<CaptureCost> captureCost;
    private final ReadOnlyStringWrapper captureCostText = new ReadOnlyStringWrapper("");
    private final TransactionBrackets brackets = new TransactionBrackets();
    private final ShapeTally tally = new ShapeTally();
    private final ObservableList<ShapeRow> shapeRows = FXCollections.observableArrayList();
    private final FilteredList<ShapeRow> visibleShapes = new FilteredList<>(shapeRows, row -> true);

    public StatementLogViewModel(StatementLog log) {
        this(log, null, null);
    }

    /**
     * @param totals      per-action totals with their own reset (the Totals menu), or null
     * @param captureCost the capture's measured cost, shown in the toolbar, or null
     */
    public StatementLogViewModel(StatementLog log, ActionTotals totals, Supplier<CaptureCost> captureCost) {
        this.log = log;
        this.totals = totals;
        this.captureCost = captureCost;
        filter.addListener((obs, old, text) -> {
            visibleRows.setPredicate(row -> row.matches(text));
            visibleShapes.setPredicate(row -> row.matches(text));
            describe();
        });
        following.addListener((obs, was, now) -> {
            if (now) {
                unseen.set(0);
            }
        });
        selected.addListener((obs, old, row) -> detail.set(row == null ? null : StatementDetail.of(row, rows)));
    }

    /** Takes in what arrived since the last tick, unless paused. Call on each UI tick. */
    public void refresh() {
        if (paused.get()) {
            return;
        }
        if (captureCost != null) {
            captureCostText.set(captureCost.get().describe());
        }
        StatementLog.Page page = log.readFrom(cursor, completedCursor);
        cursor = page.next();
        completedCursor = page.nextCompleted();
        replaceCompleted(page.completed());
        List<CapturedStatement> fresh = page.statements();
        if (fresh.isEmpty()) {
            return;
        }
        cleared = false;
        int keep = Math.min(fresh.size(), MAX_ROWS);
        List<LogRow> incoming = new java.util.ArrayList<>(keep);
        int skip = fresh.size() - keep;
        for (int i = 0; i < fresh.size(); i++) {
            String bracket = brackets.next(fresh.get(i)); // every statement, shown or not, moves the brackets on
            tally.add(fresh.get(i)); // and is counted in its shape's group
            if (i >= skip) {
                incoming.add(new LogRow(fresh.get(i), bracket));
            }
        }
        int overflow = rows.size() + incoming.size() - MAX_ROWS;
        if (overflow > 0) {
            rows.remove(0, overflow);
        }
        rows.addAll(incoming);
        shapeRows.setAll(tally.rows());
        if (!following.get()) {
            String text = filter.get();
            unseen.set(unseen.get() + (int) incoming.stream().filter(row -> row.matches(text)).count());
        }
        describe();
    }

    /** Rows shown before their result was read get their rows (or the error of a failed fetch) now. */
    private void replaceCompleted(List<CapturedStatement> completed) {
        for (CapturedStatement statement : completed) {
            for (int i = rows.size() - 1; i >= 0; i--) {
                LogRow row = rows.get(i);
                if (row.sequence() == statement.sequence()) {
                    LogRow replacement = row.completedAs(statement);
                    rows.set(i, replacement);
                    if (selected.get() == row) {
                        selected.set(replacement);
                    }
                    break;
                }
            }
        }
    }

    private void describe() {
        String text = filter.get() == null ? "" : filter.get().strip();
        String held = rows.size() == MAX_ROWS ? " latest statements" : rows.size() == 1 ? " statement" : " statements";
        if (rows.isEmpty()) {
            summary.set(cleared ? "Cleared; counters reset" : "No statements yet");
            emptyText.set(EMPTY);
        } else if (text.isEmpty()) {
            summary.set(rows.size() + held + " shown");
            emptyText.set(EMPTY);
        } else {
            summary.set(visibleRows.size() + " of " + rows.size() + held + " match “" + text + "”");
            emptyText.set("No statement matches “" + text + "” (" + rows.size() + held
                    + " in the panel). Change or clear the filter to see them.");
        }
    }

    /** Empties the panel and resets the counters everywhere. */
    public void clear() {
        log.reset();
        brackets.clear();
        tally.clear();
        shapeRows.clear();
        selected.set(null);
        rows.clear();
        cleared = true;
        unseen.set(0);
        following.set(true);
        describe();
    }

    /** Totals per action since their own reset, the most recently active first; empty without totals. */
    public List<ActionTotals.Total> actionTotals() {
        return totals == null ? List.of() : totals.all();
    }

    /** Zero for the per-action totals; the log keeps its rows and counters. */
    public void resetActionTotals() {
        if (totals != null) {
            totals.reset();
        }
    }

    /** What capturing costs, measured live ("capture 14.2 µs CPU / statement"); empty when not wired. */
    public ReadOnlyStringProperty captureCostProperty() {
        return captureCostText.getReadOnlyProperty();
    }

    /** Back to the newest statement: the panel follows new ones again. */
    public void jumpToNewest() {
        following.set(true);
    }

    /** The statements a lesson's step marks (null: none); the view draws their rows marked. */
    public javafx.beans.property.ObjectProperty<LogHighlight> highlightProperty() {
        return highlight;
    }

    public ObservableList<LogRow> visibleRows() {
        return visibleRows;
    }

    /**
     * Projector mode's log: the statements grouped by action, kind and shape with their count
     * (every statement since the last clear, not only the rows the panel holds), the most recently
     * active group last; filtered like the rows.
     */
    public ObservableList<ShapeRow> visibleShapes() {
        return visibleShapes;
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

    /** True while the reader is at the newest statement; the view sets it as they scroll. */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** Statements (matching the filter) that arrived while the reader was scrolled up. */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the empty table says: nothing logged yet, or nothing matches the filter. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The row the reader selected, or null. */
    public ObjectProperty<LogRow> selectedProperty() {
        return selected;
    }

    /** The selected statement in full, or null when none is selected. */
    public ReadOnlyObjectProperty<StatementDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
