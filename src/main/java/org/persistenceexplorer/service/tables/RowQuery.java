package org.persistenceexplorer.service.tables;

import java.util.List;

/**
 * Which rows of a table the grid shows, in which order. Immutable.
 *
 * @param order   the sort, or null for key order
 * @param filters all must hold (AND)
 */
public record RowQuery(TableDescription table, RowOrder order, List<RowFilter> filters) {

    public RowQuery {
        filters = List.copyOf(filters);
        if (order != null && table.column(order.column()).isEmpty()) {
            throw new TableProblem(table.ref() + " has no column " + order.column());
        }
        for (RowFilter filter : filters) {
            if (table.column(filter.column()).isEmpty()) {
                throw new TableProblem(table.ref() + " has no column " + filter.column());
            }
        }
    }

    /** Every row in key order. */
    public static RowQuery all(TableDescription table) {
        return new RowQuery(table, null, List.of());
    }

    public RowQuery orderedBy(RowOrder newOrder) {
        return new RowQuery(table, newOrder, filters);
    }

    public RowQuery filteredBy(List<RowFilter> newFilters) {
        return new RowQuery(table, order, newFilters);
    }

    /** How the rows are paged: by primary key, or by physical position for a table without one. */
    public Paging paging() {
        return table.primaryKey().isEmpty() ? Paging.PHYSICAL_POSITION : Paging.PRIMARY_KEY;
    }

    /** The two ways of keyset paging. */
    public enum Paging {
        PRIMARY_KEY("keyset paging on the primary key"),
        PHYSICAL_POSITION("no primary key: paged by physical row position (ctid), which moves when a row is "
                + "updated, so rows can repeat or be skipped while others edit; slower to seek when sorted");

        private final String description;

        Paging(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
