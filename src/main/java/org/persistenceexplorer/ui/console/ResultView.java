package org.persistenceexplorer.ui.console;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.PlanNode;

/**
 * One result tab as the view shows it: rows that grow with "fetch more", an update count, a
 * plan tree or a message. FX thread.
 */
public final class ResultView {

    /** What the tab holds. */
    public enum Kind { ROWS, UPDATED, PLAN, MESSAGE }

    private final Kind kind;
    private final String title;
    private final List<Column> columns;
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final PlanNode plan;
    private final String text;

    private ResultView(Kind kind, String title, List<Column> columns, PlanNode plan, String text) {
        this.kind = kind;
        this.title = title;
        this.columns = List.copyOf(columns);
        this.plan = plan;
        this.text = text;
    }

    static ResultView of(ConsoleResult result) {
        if (result instanceof ConsoleResult.Rows r) {
            ResultView view = new ResultView(Kind.ROWS, r.title(), r.columns(), null, "");
            view.append(r);
            return view;
        }
        if (result instanceof ConsoleResult.Updated u) {
            return new ResultView(Kind.UPDATED, u.title(), List.of(), null, u.statement() + ": " + u.count()
                    + (u.count() == 1 ? " row" : " rows") + (u.statement().matches("[A-Z]+ [A-Z]+") && u.count() == 0 ? " (done)" : ""));
        }
        if (result instanceof ConsoleResult.Plan p) {
            ResultView view = new ResultView(Kind.PLAN, p.title(), List.of(), p.root(), p.note());
            view.note.set(p.note());
            return view;
        }
        ConsoleResult.Message m = (ConsoleResult.Message) result;
        return new ResultView(Kind.MESSAGE, m.title(), List.of(), null, m.text());
    }

    /** Adds a page of rows (from the run or "fetch more"). */
    void append(ConsoleResult.Rows page) {
        rows.addAll(page.rows());
        more.set(page.more());
        note.set(page.capNote());
    }

    void noMore() {
        more.set(false);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** A cap reached, a plan's hints; "" when there is nothing to say. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The server has more rows for this result. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public PlanNode plan() {
        return plan;
    }

    /** The update count or message in words. */
    public String text() {
        return text;
    }
}
