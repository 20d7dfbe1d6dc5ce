package org.persistenceexplorer.service.tables;

import java.sql.SQLException;

/**
 * Turns what PostgreSQL says about a row query into words for the user: a value that is not of
 * the column's type names the value, the column and the type; a dropped table or column says so.
 */
final class RowErrors {

    private RowErrors() {
    }

    /** Returns the exception to throw: a {@link TableProblem} where the cause is the user's, else {@code e}. */
    static SQLException explain(SQLException e, RowQuery query) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42P01")) {
            throw new TableProblem(TableProblem.gone(query.table().ref()).getMessage(), e);
        }
        if (state.equals("42703")) {
            throw new TableProblem("The columns of " + query.table().ref() + " changed since it was opened. "
                    + "Refresh the schema browser and open it again.", e);
        }
        if (state.startsWith("22")) {
            for (RowFilter filter : query.filters()) {
                if (filter.operator().needsValue() && e.getMessage() != null && e.getMessage().contains(filter.value())) {
                    String type = query.table().column(filter.column()).map(TableColumn::type).orElse("?");
                    throw new TableProblem("'" + filter.value() + "' is not a value of type " + type + ", the type of "
                            + filter.column() + ": change the filter. (PostgreSQL: " + firstLine(e) + ")", e);
                }
            }
            throw new TableProblem("A filter value does not fit its column: " + firstLine(e), e);
        }
        return e;
    }

    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
