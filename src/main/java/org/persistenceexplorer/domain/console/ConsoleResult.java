package org.persistenceexplorer.domain.console;

import java.util.List;

/**
 * One result of a console run, shown in a tab of its own: rows, an update count, a plan, or a
 * line of text. Immutable.
 */
public sealed interface ConsoleResult {

    /** The tab's title. */
    String title();

    /**
     * Rows as text (null for SQL NULL), the first page of them when {@code more} is true.
     *
     * @param more    the cursor is still open: "fetch more" brings the next page
     * @param capNote why fetching stopped before the end (the memory cap), or "" when it did not
     */
    record Rows(String title, List<Column> columns, List<List<String>> rows, boolean more, String capNote)
            implements ConsoleResult {

        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A statement that changed rows or the schema: how many rows, in the server's own words ("UPDATE 3"). */
    record Updated(String title, String statement, long count) implements ConsoleResult {
    }

    /** A plan tree (EXPLAIN, EXPLAIN ANALYZE, Cypher PROFILE). */
    record Plan(String title, PlanNode root, String note) implements ConsoleResult {
    }

    /** Something to say instead of rows ("0 rows", a notice). */
    record Message(String title, String text) implements ConsoleResult {
    }
}
