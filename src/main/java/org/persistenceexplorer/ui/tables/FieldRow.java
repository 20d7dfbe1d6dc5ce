package org.persistenceexplorer.ui.tables;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.persistenceexplorer.service.tables.entity.EntityField;

/**
 * One field of the entity form: what Hibernate holds, what the user typed, and the message
 * next to it (Bean Validation, conversion). FX thread.
 */
public final class FieldRow {

    private final EntityField field;
    private final StringProperty text = new SimpleStringProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    FieldRow(EntityField field) {
        this.field = field;
        text.set(field.value() == null ? "" : field.value());
    }

    public EntityField field() {
        return field;
    }

    /** What the user typed (starts as the entity's value). */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }

    /** True when the user changed the value. */
    boolean changed() {
        String original = field.value() == null ? "" : field.value();
        return field.editable() && !original.equals(text.get() == null ? "" : text.get());
    }
}
