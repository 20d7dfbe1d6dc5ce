package org.persistenceexplorer.service.tables;

/**
 * One column of a table, as {@code pg_attribute} describes it. Immutable.
 *
 * @param type         the type as PostgreSQL writes it ({@code format_type}), e.g. {@code numeric(12,2)}
 * @param defaultValue the default expression, or null for none
 * @param generated    an identity or generated column: the server fills it in
 */
public record TableColumn(String name, String type, boolean nullable, String defaultValue, boolean generated) {

    /** True for types whose values compare as text (LIKE without a cast). */
    public boolean textual() {
        return type.startsWith("character") || type.equals("text") || type.equals("name");
    }
}
