package org.persistenceexplorer.service.tables;

/**
 * The comparisons the filter builder offers. Every value is bound as a parameter, cast to the
 * column's type on the server; the LIKE operators escape {@code %} and {@code _} in the value.
 */
public enum FilterOperator {
    EQUALS("=", true), NOT_EQUALS("≠", true), LESS("<", true), LESS_OR_EQUAL("≤", true),
    GREATER(">", true), GREATER_OR_EQUAL("≥", true), CONTAINS("contains", true), STARTS_WITH("starts with", true),
    IS_NULL("is null", false), IS_NOT_NULL("is not null", false);

    private final String label;
    private final boolean needsValue;

    FilterOperator(String label, boolean needsValue) {
        this.label = label;
        this.needsValue = needsValue;
    }

    public String label() {
        return label;
    }

    public boolean needsValue() {
        return needsValue;
    }

    @Override
    public String toString() {
        return label;
    }
}
