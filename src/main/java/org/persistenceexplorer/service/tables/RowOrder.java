package org.persistenceexplorer.service.tables;

import java.util.Objects;

/**
 * The grid's sort: one column, ascending (NULLs last) or descending (NULLs first), as PostgreSQL
 * orders by default. Ties are broken by the key. Immutable.
 */
public record RowOrder(String column, boolean descending) {

    public RowOrder {
        Objects.requireNonNull(column);
    }
}
