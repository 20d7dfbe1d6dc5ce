package org.persistenceexplorer.service.changes;

import java.util.Map;

/**
 * Rows the app changed and committed, named by table and key, for whoever keeps copies of
 * them (a cache). Immutable.
 *
 * @param schema the table's schema, e.g. {@code hr}
 * @param table  the table, e.g. {@code employee}
 * @param kind   what happened to the row
 * @param key    the row's key columns and values as text, e.g. {@code id=17} or
 *               {@code employee_id=17, project_id=3}
 */
public record RowChange(String schema, String table, Kind kind, Map<String, String> key) {

    public RowChange {
        key = Map.copyOf(key);
    }

    /** What happened to the row. */
    public enum Kind {
        INSERTED, UPDATED, DELETED
    }

    /** The key column's value, or null. */
    public String keyValue(String column) {
        return key.get(column);
    }
}
