package org.persistenceexplorer.ui.log;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * Draws each transaction as a bracket in the log's Tx column: ┌ at its BEGIN, │ beside the
 * statements of the same thread inside it, └ with the transaction's totals at its COMMIT or
 * ROLLBACK. A thread runs one transaction at a time on its connection, so brackets are kept per
 * thread; statements of other threads in between get none. Fed in arrival order. FX thread.
 */
final class TransactionBrackets {

    /** Threads with a transaction open; bounded by the app's threads (pool of 6 plus lanes). */
    private final Map<String, Open> open = new HashMap<>();

    /** The Tx cell of this statement. */
    String next(CapturedStatement s) {
        String thread = s.thread();
        if (s.kind() == StatementKind.TX) {
            String text = s.text().stripLeading().toUpperCase(Locale.ROOT);
            if (text.startsWith("BEGIN") || text.startsWith("START TRANSACTION")) {
                open.put(thread, new Open());
                return "┌";
            }
            boolean ends = text.startsWith("COMMIT") || text.startsWith("END")
                    || (text.startsWith("ROLLBACK") && !text.contains(" TO "));
            if (ends) {
                Open done = open.remove(thread);
                if (done == null) {
                    return "";
                }
                double ms = done.nanos / 1_000_000.0;
                return String.format(Locale.ROOT, ms >= 100 ? "└ %,d · %.0f ms" : "└ %,d · %.1f ms", done.statements, ms);
            }
        }
        Open current = open.get(thread);
        if (current == null) {
            return "";
        }
        current.statements += s.executions();
        current.nanos += s.durationNanos();
        return "│";
    }

    void clear() {
        open.clear();
    }

    private static final class Open {
        long statements;
        long nanos;
    }
}
