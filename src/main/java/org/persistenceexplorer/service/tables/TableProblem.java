package org.persistenceexplorer.service.tables;

import java.sql.SQLException;

/**
 * Something about a table or a request for its rows that the user can fix or understand,
 * worded for them (a dropped table, a value that is not of the column's type). Immutable.
 */
public final class TableProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TableProblem(String message, Throwable cause) {
        super(message, cause);
    }

    public TableProblem(String message) {
        super(message);
    }

    static TableProblem gone(TableRef table) {
        return new TableProblem("The table " + table + " does not exist any more: it was dropped or renamed. "
                + "Refresh the schema browser and pick another table.");
    }

    /** 42P01 (undefined table) becomes {@link #gone}; anything else stays as it is. */
    static SQLException ifGone(SQLException e, TableRef table) {
        if ("42P01".equals(e.getSQLState())) {
            throw new TableProblem(gone(table).getMessage(), e);
        }
        return e;
    }
}
