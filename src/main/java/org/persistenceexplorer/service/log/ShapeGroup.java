package org.persistenceexplorer.service.log;

import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * Statements of one action with the same shape (literals and parameters stripped). Immutable.
 *
 * @param action     the action
 * @param kind       the statements' kind
 * @param shape      the shared shape
 * @param count      executions
 * @param distinct   distinct parameter lists among them
 * @param duplicates executions that repeated an earlier one exactly (same shape, same parameters)
 * @param table      the table read (first FROM), or "" when not a simple read
 * @param keyColumn  the single key the statement is filtered by ("where x.col = ?"), or ""
 */
public record ShapeGroup(String action, StatementKind kind, String shape, long count, long distinct, long duplicates,
                         String table, String keyColumn) {

    /** "100 similar SELECTs on lab.employee by department_id". */
    public String describe() {
        return count + " similar " + kind.label() + (count == 1 ? "" : "s")
                + (table.isEmpty() ? "" : " on " + table) + (keyColumn.isEmpty() ? "" : " by " + keyColumn);
    }
}
