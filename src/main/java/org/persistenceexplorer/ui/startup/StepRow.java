package org.persistenceexplorer.ui.startup;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step on the startup screen: its title, state, elapsed time and outcome. FX thread. */
public final class StepRow {

    /** Where a step is. */
    public enum State { WAITING, RUNNING, DONE, FAILED, SKIPPED }

    private final String id;
    private final String title;
    private final boolean needed;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    long startedNanos;

    StepRow(String id, String title, boolean needed) {
        this.id = id;
        this.title = title;
        this.needed = needed;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public boolean needed() {
        return needed;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
