package org.persistenceexplorer.service.txlab;

import java.util.List;

/**
 * What one statement of a lab session did: its rows or row count, or the server's error with
 * its SQLSTATE; or that it is still waiting for a lock, and for which sessions. Immutable.
 *
 * @param session     "A", "B" or "C"
 * @param sql         the statement as sent
 * @param outcome     done, failed, waiting for a lock, still running, or skipped
 * @param columns     the result's column names (empty without a result set)
 * @param rows        the result's rows as text, at most {@link LabSession#MAX_ROWS}
 * @param updateCount rows changed, or -1
 * @param sqlState    the error's SQLSTATE, or ""
 * @param message     the error's or warning's first line, or ""
 * @param blockedBy   the sessions holding the lock it waits for (or last waited for)
 * @param waited      it had to wait for a lock before it finished
 * @param transaction the session's transaction afterwards
 * @param millis      how long it took (so far)
 */
public record StepResult(String session, String sql, Outcome outcome, List<String> columns, List<List<String>> rows,
                         long updateCount, String sqlState, String message, List<String> blockedBy, boolean waited,
                         TransactionState transaction, long millis) {

    /** What happened to a statement. */
    public enum Outcome { DONE, FAILED, WAITING, RUNNING, SKIPPED }

    /** Where the session's transaction is. */
    public enum TransactionState {
        /** No transaction open (every statement commits by itself). */
        IDLE,
        /** BEGIN was sent; changes are not visible to the others yet. */
        OPEN,
        /** An error aborted the transaction: everything but ROLLBACK (TO SAVEPOINT) is refused. */
        ABORTED
    }

    public StepResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        blockedBy = List.copyOf(blockedBy);
    }

    static StepResult skipped(String session, String sql, String why, TransactionState state) {
        return new StepResult(session, sql, Outcome.SKIPPED, List.of(), List.of(), -1, "", why, List.of(), false, state, 0);
    }

    StepResult waiting(List<String> blockers, long sofar) {
        return new StepResult(session, sql, Outcome.WAITING, List.of(), List.of(), -1, "", "", blockers, true, transaction, sofar);
    }

    StepResult afterWaitingFor(List<String> blockers) {
        return new StepResult(session, sql, outcome, columns, rows, updateCount, sqlState, message,
                blockers.isEmpty() ? blockedBy : blockers, waited || !blockers.isEmpty(), transaction, millis);
    }

    /** True when the server refused it with a serialization failure (40001) or a deadlock (40P01). */
    public boolean isSerializationFailure() {
        return outcome == Outcome.FAILED && ("40001".equals(sqlState) || "40P01".equals(sqlState));
    }

    /** A one-line account: "2 rows", "UPDATE 1", "ERROR 40001: could not serialize ...", "waiting for A". */
    public String summary() {
        return switch (outcome) {
            case DONE -> (waited ? "waited for " + String.join(", ", blockedBy) + ", then " : "")
                    + (columns.isEmpty() ? (updateCount > 0 || (updateCount == 0 && changesRows()) ? updateCount
                    + (updateCount == 1 ? " row" : " rows") + " changed" : "ok")
                    : rows.size() + (rows.size() == 1 ? " row" : " rows"))
                    + (message.isEmpty() ? "" : " (" + message + ")");
            case FAILED -> (waited ? "waited for " + String.join(", ", blockedBy) + ", then " : "")
                    + "ERROR " + sqlState + ": " + message;
            case WAITING -> "waiting for a lock held by " + String.join(", ", blockedBy);
            case RUNNING -> "running";
            case SKIPPED -> "skipped: " + message;
        };
    }

    /** True for INSERT, UPDATE, DELETE, MERGE: "0 rows changed" means something there, "ok" for BEGIN or SET. */
    private boolean changesRows() {
        String s = sql.strip().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete") || s.startsWith("merge")
                || s.startsWith("with");
    }

    /** The rows as "1 => 10, 2 => 20" (first column => second), for the test table. */
    public String rowsText() {
        return String.join(", ", rows.stream().map(r -> r.size() >= 2 ? r.get(0) + " => " + r.get(1) : String.join(" | ", r)).toList());
    }
}
