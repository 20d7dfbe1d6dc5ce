package org.persistenceexplorer.ui.txlab;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.txlab.Isolation;
import org.persistenceexplorer.service.txlab.StepResult;

/**
 * What one session's column shows: its level, where its transaction is (or whom it waits for),
 * its statements with their outcomes, what its last query returned, and the statement being
 * typed. Changed on the FX thread only (by {@link TxLabViewModel}).
 */
public final class SessionColumn {

    private final String name;
    private final ObjectProperty<Isolation> isolation = new SimpleObjectProperty<>(Isolation.READ_COMMITTED);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("no connection yet");
    private final ReadOnlyStringWrapper data = new ReadOnlyStringWrapper("");
    private final StringProperty input = new SimpleStringProperty("");
    private final ObservableList<StepResult> statements = FXCollections.observableArrayList();
    private List<StepResult> shown = List.of();

    SessionColumn(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The level the session's next transaction runs at; changing it is refused inside a transaction. */
    public ObjectProperty<Isolation> isolationProperty() {
        return isolation;
    }

    /** "idle", "in a transaction", "ABORTED: ...", "waiting for A". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The rows of the session's latest query, as "id | value" lines. */
    public ReadOnlyStringProperty dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The statement being typed (free mode). */
    public StringProperty inputProperty() {
        return input;
    }

    public ObservableList<StepResult> statements() {
        return statements;
    }

    /** Takes the session's history as the service has it now; touches the list only when it changed. */
    void show(List<StepResult> history, String stateText) {
        if (!history.equals(shown)) {
            shown = history;
            statements.setAll(history);
            for (int i = history.size() - 1; i >= 0; i--) {
                StepResult r = history.get(i);
                if (r.outcome() == StepResult.Outcome.DONE && !r.columns().isEmpty()) {
                    data.set(table(r));
                    break;
                }
            }
            if (history.isEmpty()) {
                data.set("");
            }
        }
        state.set(stateText);
    }

    private static String table(StepResult r) {
        StringBuilder out = new StringBuilder(String.join(" | ", r.columns()));
        for (List<String> row : r.rows()) {
            out.append('\n').append(String.join(" | ", row));
        }
        if (r.rows().isEmpty()) {
            out.append("\n(no rows)");
        }
        return out.toString();
    }
}
