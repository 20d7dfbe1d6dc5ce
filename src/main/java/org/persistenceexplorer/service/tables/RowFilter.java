package org.persistenceexplorer.service.tables;

import java.util.Objects;

/**
 * One condition of the filter builder: column, operator, value (the value is always bound,
 * never put into the SQL text). Immutable.
 *
 * @param value the user's text, ignored by operators that need none
 */
public record RowFilter(String column, FilterOperator operator, String value) {

    public RowFilter {
        Objects.requireNonNull(column);
        Objects.requireNonNull(operator);
        value = value == null ? "" : value;
    }

    @Override
    public String toString() {
        return column + " " + operator.label() + (operator.needsValue() ? " '" + value + "'" : "");
    }
}
