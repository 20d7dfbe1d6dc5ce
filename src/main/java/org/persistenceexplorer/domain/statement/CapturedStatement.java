package org.persistenceexplorer.domain.statement;

import java.time.Instant;
import java.util.List;

/**
 * One statement as the capture layer saw it, SQL or Cypher. Immutable; safe to share across threads.
 *
 * @param sequence    1-based, in the order the statements finished
 * @param finishedAt  when the statement finished
 * @param engine      where it ran
 * @param kind        what it does (see {@link StatementKind})
 * @param text        the statement text, secrets masked
 * @param parameters  bound parameters as display strings, secrets masked; one list per batch entry flattened
 * @param durationNanos time from send to answer
 * @param rows        rows returned or affected where known, -1 when unknown
 * @param batchSize   how many executions this record stands for (1 unless a JDBC batch or a
 *                    repeated Neo4j cancel lookup)
 * @param thread      the name of the thread that ran it
 * @param onUiThread  true if it ran on the JavaFX application thread, which must never happen
 * @param error       null on success, otherwise the error message
 * @param action      what the user or the app was doing, e.g. "startup: migrate hr"
 */
public record CapturedStatement(
        long sequence,
        Instant finishedAt,
        Engine engine,
        StatementKind kind,
        String text,
        List<String> parameters,
        long durationNanos,
        long rows,
        int batchSize,
        String thread,
        boolean onUiThread,
        String error,
        String action) {

    public CapturedStatement {
        parameters = List.copyOf(parameters);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** How many server executions this record counts for: the batch size, at least 1. */
    public int executions() {
        return Math.max(1, batchSize);
    }

    public double durationMillis() {
        return durationNanos / 1_000_000.0;
    }
}
