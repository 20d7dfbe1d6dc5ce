package org.persistenceexplorer.service.tables.entity;

/**
 * One attribute of an entity as the edit form shows it. Immutable.
 *
 * @param attribute  the Java attribute name, e.g. {@code hiredOn}
 * @param column     the column it maps to, e.g. {@code hired_on}
 * @param type       what it holds, in the user's words ("BigDecimal", "→ Department (id)")
 * @param value      the value as text, null for none
 * @param editable   false for the id, the version and server- or callback-filled values
 * @param references for a to-one association: the target entity's name, else null
 */
public record EntityField(String attribute, String column, String type, String value, boolean editable,
                          String references) {
}
