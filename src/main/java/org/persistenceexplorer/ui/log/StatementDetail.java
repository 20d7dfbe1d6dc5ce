package org.persistenceexplorer.ui.log;

import java.util.List;
import java.util.Locale;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * Everything about one logged statement, for the detail pane: the full text laid out, every
 * parameter in full, the error, the thread, and the transaction it belonged to (found among the
 * statements the panel holds). Immutable; built on the FX thread from the panel's rows.
 *
 * @param heading  a few words: number, engine, kind
 * @param text     the statement, one clause a line
 * @param about    time, duration, rows, action, thread, transaction, error, parameters, each in full
 * @param runnable the statement with its parameters put back in (Copy as runnable SQL / Cypher)
 * @param copyLabel "Copy as runnable SQL" or "... Cypher"
 */
public record StatementDetail(String heading, String text, String about, String runnable, String copyLabel) {

    /** The statement, then everything about it: what the detail pane and its window show. */
    public String fullText() {
        return text + "\n\n" + about;
    }

    static StatementDetail of(LogRow row, List<LogRow> panel) {
        CapturedStatement s = row.statement();
        String heading = "#" + s.sequence() + " · " + s.engine().label() + " " + s.kind().label();
        StringBuilder about = new StringBuilder();
        about.append("Finished at ").append(row.time()).append(", took ").append(row.duration())
                .append(", rows: ").append(row.rows()).append('\n');
        if (s.error() != null) {
            about.append("Error: ").append(s.error()).append("\n\n");
        }
        about.append("Action: ").append(s.action()).append('\n');
        about.append("Thread: ").append(s.thread()).append(s.onUiThread() ? "  (the UI thread: this must never happen)" : "")
                .append('\n');
        about.append("Transaction: ").append(transaction(row, panel)).append('\n');
        if (s.batchSize() > 1) {
            about.append("Batch: ").append(s.batchSize()).append(" executions in one round trip\n");
        }
        List<String> parameters = s.parameters();
        if (parameters.isEmpty()) {
            about.append("Parameters: none\n");
        } else {
            about.append(parameters.size() == 1 ? "Parameters:\n" : "Parameters (" + parameters.size() + " sets):\n");
            parameters.forEach(p -> about.append("  ").append(p).append('\n'));
        }
        String copyLabel = s.engine() == Engine.NEO4J ? "Copy as runnable Cypher" : "Copy as runnable SQL";
        return new StatementDetail(heading, StatementText.pretty(s), about.toString().stripTrailing(),
                StatementText.runnable(s), copyLabel);
    }

    /**
     * Which transaction the statement ran in. PostgreSQL: the BEGIN before it on the same thread
     * (no COMMIT or ROLLBACK between) and how that transaction ended; without one it ran on its
     * own (auto-commit). Neo4j: every statement the app sends runs in a transaction of its own.
     */
    static String transaction(LogRow row, List<LogRow> panel) {
        CapturedStatement s = row.statement();
        if (s.engine() == Engine.NEO4J) {
            return "its own (each Cypher statement runs in a transaction of its own)";
        }
        int at = panel.indexOf(row);
        if (at < 0) {
            return "not known (the row has left the panel)";
        }
        if (isTx(s, "BEGIN")) {
            return "begins here" + end(panel, at, s.thread());
        }
        for (int i = at - 1; i >= 0; i--) {
            CapturedStatement earlier = panel.get(i).statement();
            if (!sameSession(earlier, s)) {
                continue;
            }
            if (isTx(earlier, "COMMIT") || isTx(earlier, "ROLLBACK") && !isSavepointRollback(earlier)) {
                break;
            }
            if (isTx(earlier, "BEGIN")) {
                return "began at #" + earlier.sequence() + end(panel, i, s.thread());
            }
        }
        if (isTx(s, "COMMIT") || isTx(s, "ROLLBACK")) {
            return "ends here (its BEGIN is no longer in the panel)";
        }
        return "none: auto-commit (no BEGIN before it on " + s.thread() + ")";
    }

    private static String end(List<LogRow> panel, int begin, String thread) {
        for (int i = begin + 1; i < panel.size(); i++) {
            CapturedStatement later = panel.get(i).statement();
            if (!later.thread().equals(thread) || later.engine() != Engine.POSTGRESQL) {
                continue;
            }
            if (isTx(later, "COMMIT")) {
                return ", committed at #" + later.sequence();
            }
            if (isTx(later, "ROLLBACK") && !isSavepointRollback(later)) {
                return ", rolled back at #" + later.sequence();
            }
        }
        return ", still open";
    }

    private static boolean sameSession(CapturedStatement a, CapturedStatement b) {
        return a.engine() == b.engine() && a.thread().equals(b.thread());
    }

    private static boolean isTx(CapturedStatement s, String word) {
        return s.kind() == StatementKind.TX && s.text().strip().toUpperCase(Locale.ROOT).startsWith(word);
    }

    private static boolean isSavepointRollback(CapturedStatement s) {
        return s.text().toUpperCase(Locale.ROOT).contains("SAVEPOINT");
    }
}
