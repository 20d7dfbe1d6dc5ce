package org.persistenceexplorer.service.tables;

import java.util.List;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.tables.entity.DatabaseRefusal;

/**
 * What one plain-SQL edit of a row did. Immutable.
 *
 * @param kind       how it ended
 * @param message    the sentence for the user
 * @param row        the row's values afterwards as text, in column order (null after a delete or a failure;
 *                   for CHANGED: the row as it is now in the database)
 * @param rowKey     the row's primary key values afterwards (null after a delete or a failure)
 * @param statements the exact statements it sent, from the statement log
 * @param refusal    what the database refused (kind REFUSED), else null
 */
public record RowEdit(Kind kind, String message, List<String> row, List<String> rowKey,
                      List<CapturedStatement> statements, DatabaseRefusal refusal) {

    public RowEdit {
        row = row == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row));
        rowKey = rowKey == null ? null : List.copyOf(rowKey);
        statements = List.copyOf(statements);
    }

    /** How an edit ended. */
    public enum Kind {
        /** Committed. */
        DONE,
        /** A constraint refused it; rolled back. */
        REFUSED,
        /** A value does not fit its column's type; rolled back. */
        INVALID,
        /** The row is not there any more (deleted, or its key changed); nothing was written. */
        GONE,
        /** A column the user changed no longer holds what they read (someone else changed it); nothing was written. */
        CHANGED
    }
}
