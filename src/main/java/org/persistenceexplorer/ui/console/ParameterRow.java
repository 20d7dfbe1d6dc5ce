package org.persistenceexplorer.ui.console;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One named parameter of the statement in the editor and the value it is bound to. FX thread. */
public final class ParameterRow {

    private final String name;
    private final StringProperty value = new SimpleStringProperty("");

    ParameterRow(String name, String value) {
        this.name = name;
        this.value.set(value);
    }

    public String name() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
