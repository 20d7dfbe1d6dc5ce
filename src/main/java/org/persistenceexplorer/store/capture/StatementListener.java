package org.persistenceexplorer.store.capture;

import org.persistenceexplorer.domain.statement.CapturedStatement;

/**
 * Receives every captured statement. Called on the thread that ran the statement, so an
 * implementation must be thread-safe and quick (no I/O, no UI work).
 */
@FunctionalInterface
public interface StatementListener {
    void statementCaptured(CapturedStatement statement);
}
