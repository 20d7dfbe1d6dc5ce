package org.persistenceexplorer.store.capture;

import org.persistenceexplorer.domain.statement.CapturedStatement;

/**
 * Receives every captured statement. Called on the thread that ran the statement, so an
 * implementation must be thread-safe and quick (no I/O, no UI work).
 */
@FunctionalInterface
public interface StatementListener {
    void statementCaptured(CapturedStatement statement);

    /**
     * A statement captured earlier is complete now: its result was read to the end (or closed, or
     * failed part-way), so {@code completed} carries the rows read, the time the reading took and
     * any error; same sequence, action and thread as {@code captured}. Called on the thread that
     * read the result. Ignored unless overridden.
     */
    default void statementCompleted(CapturedStatement captured, CapturedStatement completed) {
    }
}
