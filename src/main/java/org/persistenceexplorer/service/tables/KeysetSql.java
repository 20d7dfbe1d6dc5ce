package org.persistenceexplorer.service.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of keyset paging for one {@link RowQuery}: rows are ordered by the sort column (if
 * any) and then the key (the primary key, or the ctid for a table without one), and a page
 * starts <em>after</em> (or at) a known key with a WHERE condition the index can seek to, so
 * page 10,000 costs what page 1 costs (OFFSET would read and drop every row before it).
 *
 * <p>NULLs in the sort column: ascending puts them last, descending first (PostgreSQL's
 * defaults, written out); the seek condition treats NULL explicitly, since a row comparison
 * with NULL is never true. Not thread-safe; cheap to build.
 */
final class KeysetSql {

    private final RowQuery query;
    private final List<String> keyColumns;
    private final List<String> keyTypes = new ArrayList<>();
    private final String sortColumn;
    private final String sortType;
    private final boolean descending;

    KeysetSql(RowQuery query) {
        this.query = query;
        TableDescription table = query.table();
        List<String> primaryKey = table.primaryKey();
        this.keyColumns = primaryKey.isEmpty() ? List.of("ctid") : primaryKey;
        for (String column : keyColumns) {
            keyTypes.add(column.equals("ctid") && primaryKey.isEmpty() ? "tid" : table.column(column).orElseThrow().type());
        }
        RowOrder order = query.order();
        // Sorting by the (single) key column itself needs no separate sort part.
        boolean sortIsKey = order != null && keyColumns.equals(List.of(order.column()));
        this.sortColumn = order == null || sortIsKey ? null : order.column();
        this.sortType = sortColumn == null ? null : table.column(sortColumn).orElseThrow().type();
        this.descending = order != null && order.descending();
    }

    /** How many values a seek key has: the sort value (when sorted by a non-key column) and the key columns. */
    int keyWidth() {
        return keyColumns.size() + (sortColumn == null ? 0 : 1);
    }

    int rowKeyOffset() {
        return sortColumn == null ? 0 : 1;
    }

    List<String> keyColumns() {
        return keyColumns;
    }

    private static String q(String column) {
        return Identifiers.quote(column);
    }

    /**
     * The seek columns as text, in key order: {@code "salary"::text AS pe_k0, "id"::text AS pe_k1}.
     * Aliased: an output column named like a table column would make ORDER BY sort by the text.
     */
    private String seekColumnsAsText(String prefix) {
        List<String> parts = new ArrayList<>();
        if (sortColumn != null) {
            parts.add(prefix + q(sortColumn) + "::text");
        }
        keyColumns.forEach(k -> parts.add(prefix + q(k) + "::text"));
        for (int i = 0; i < parts.size(); i++) {
            parts.set(i, parts.get(i) + " AS pe_k" + i);
        }
        return String.join(", ", parts);
    }

    String orderBy() {
        List<String> parts = new ArrayList<>();
        String direction = descending ? " DESC" : " ASC";
        if (sortColumn != null) {
            parts.add(q(sortColumn) + direction + (descending ? " NULLS FIRST" : " NULLS LAST"));
        }
        keyColumns.forEach(k -> parts.add(q(k) + direction));
        return " ORDER BY " + String.join(", ", parts);
    }

    /** The filters as one condition (true without filters). */
    BoundSql where() {
        BoundSql where = new BoundSql();
        for (RowFilter filter : query.filters()) {
            where.sql(where.isEmpty() ? "" : " AND ");
            condition(where, filter);
        }
        return where.isEmpty() ? where.sql("TRUE") : where;
    }

    private void condition(BoundSql sql, RowFilter filter) {
        TableColumn column = query.table().column(filter.column()).orElseThrow();
        String name = q(column.name());
        switch (filter.operator()) {
            case EQUALS -> sql.sql(name + " = ").value(filter.value(), column.type());
            case NOT_EQUALS -> sql.sql(name + " <> ").value(filter.value(), column.type());
            case LESS -> sql.sql(name + " < ").value(filter.value(), column.type());
            case LESS_OR_EQUAL -> sql.sql(name + " <= ").value(filter.value(), column.type());
            case GREATER -> sql.sql(name + " > ").value(filter.value(), column.type());
            case GREATER_OR_EQUAL -> sql.sql(name + " >= ").value(filter.value(), column.type());
            case CONTAINS -> sql.sql("CAST(" + name + " AS text) ILIKE ").parameter("%" + likeEscaped(filter.value()) + "%")
                    .sql(" ESCAPE '\\'");
            case STARTS_WITH -> sql.sql("CAST(" + name + " AS text) ILIKE ").parameter(likeEscaped(filter.value()) + "%")
                    .sql(" ESCAPE '\\'");
            case IS_NULL -> sql.sql(name + " IS NULL");
            case IS_NOT_NULL -> sql.sql(name + " IS NOT NULL");
            default -> throw new IllegalStateException(filter.operator().name());
        }
    }

    /** % and _ in the user's text match themselves, not any characters. */
    static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The rows that come after {@code key} in this order ({@code inclusive}: at or after).
     *
     * @param key the seek key's values as text ({@link #keyWidth()} of them); the sort value may be null
     */
    BoundSql seek(List<String> key, boolean inclusive) {
        BoundSql sql = new BoundSql();
        List<String> keyValues = key.subList(rowKeyOffset(), key.size());
        BoundSql keyPart = keyComparison(keyValues, inclusive);
        if (sortColumn == null) {
            return sql.append(keyPart);
        }
        String s = q(sortColumn);
        String value = key.get(0);
        if (!descending) {
            if (value == null) {
                return sql.sql("(" + s + " IS NULL AND ").append(keyPart).sql(")");
            }
            return sql.sql("(" + s + " > ").value(value, sortType).sql(" OR (" + s + " = ").value(value, sortType)
                    .sql(" AND ").append(keyPart).sql(") OR " + s + " IS NULL)");
        }
        if (value == null) {
            return sql.sql("((" + s + " IS NULL AND ").append(keyPart).sql(") OR " + s + " IS NOT NULL)");
        }
        return sql.sql("(" + s + " < ").value(value, sortType).sql(" OR (" + s + " = ").value(value, sortType)
                .sql(" AND ").append(keyPart).sql("))");
    }

    /** {@code (k1, k2) > (?, ?)}: key columns are never NULL, so a row comparison is exact. */
    private BoundSql keyComparison(List<String> values, boolean inclusive) {
        BoundSql sql = new BoundSql().sql("(");
        sql.sql(String.join(", ", keyColumns.stream().map(KeysetSql::q).toList()));
        sql.sql(") ").sql(descending ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")).sql(" (");
        for (int i = 0; i < keyColumns.size(); i++) {
            sql.sql(i == 0 ? "" : ", ").value(values.get(i), keyTypes.get(i));
        }
        return sql.sql(")");
    }

    /** Display values (cut at the cell limit) then the seek key, from the table. */
    String selectList() {
        List<String> parts = new ArrayList<>();
        for (TableColumn column : query.table().columns()) {
            parts.add("left(" + q(column.name()) + "::text, " + (TableRows.CELL_LIMIT + 1) + ") AS pe_v" + parts.size());
        }
        return String.join(", ", parts) + ", " + seekColumnsAsText("");
    }

    /** One page: rows after (or at) the key, at most {@code limit}. A null key is the first page. */
    BoundSql page(List<String> key, boolean inclusive, int limit) {
        BoundSql sql = new BoundSql().sql("SELECT " + selectList() + " FROM " + query.table().ref().quoted()
                + " WHERE ").append(where());
        if (key != null) {
            sql.sql(" AND ").append(seek(key, inclusive));
        }
        return sql.sql(orderBy() + " LIMIT " + limit);
    }

    /** The first key of every page: one pass over the (filtered, sorted) keys, a row every {@code pageSize}. */
    BoundSql bookmarks(int pageSize) {
        return new BoundSql().sql("SELECT " + seekColumnsAsText("") + " FROM (SELECT "
                + String.join(", ", seekColumnNames()) + ", row_number() OVER (" + orderBy().trim()
                + ") AS pe_position FROM " + query.table().ref().quoted() + " WHERE ").append(where())
                .sql(") AS pe_keys WHERE (pe_position - 1) % " + pageSize + " = 0 ORDER BY pe_position");
    }

    private List<String> seekColumnNames() {
        List<String> names = new ArrayList<>();
        if (sortColumn != null) {
            names.add(q(sortColumn));
        }
        // ctid cannot be selected under its own name into a derived table: alias keeps it as is
        keyColumns.forEach(k -> names.add(k.equals("ctid") && query.paging() == RowQuery.Paging.PHYSICAL_POSITION
                ? "ctid AS " + q("ctid") : q(k)));
        return names;
    }

    BoundSql count() {
        return new BoundSql().sql("SELECT count(*) FROM " + query.table().ref().quoted() + " WHERE ").append(where());
    }

    /** Every row in full (no cut), for export. */
    BoundSql export() {
        List<String> parts = new ArrayList<>();
        for (TableColumn column : query.table().columns()) {
            parts.add(q(column.name()) + "::text AS pe_v" + parts.size());
        }
        return new BoundSql().sql("SELECT " + String.join(", ", parts) + " FROM " + query.table().ref().quoted()
                + " WHERE ").append(where()).sql(orderBy());
    }
}
