package org.persistenceexplorer.service.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row as the grid shows it: every column's value in PostgreSQL's text form (null for SQL
 * NULL; long values cut at {@link TableRows#CELL_LIMIT} characters), and the row's key (sort
 * value plus primary key or ctid) for the next keyset page. Immutable.
 *
 * @param values one per column, in column order
 * @param key    the seek key: the sort column's value first when sorted, then the key columns
 * @param rowKey the primary key's values (or the ctid), to find this row again
 */
public record GridRow(List<String> values, List<String> key, List<String> rowKey) {

    public GridRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        key = Collections.unmodifiableList(new ArrayList<>(key));
        rowKey = Collections.unmodifiableList(new ArrayList<>(rowKey));
    }

    /** True when the value was cut for display (the full value is longer). */
    public boolean cut(int column) {
        String value = values.get(column);
        return value != null && value.length() > TableRows.CELL_LIMIT;
    }
}
