package org.persistenceexplorer.ui.log;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

/** One line of the statement log panel: a captured statement in display form. FX thread (its display text is worked out lazily). */
public final class LogRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    static final int SHORT_TEXT = 240;
    /** A migration script starts with comments; the cell shows the statement after them. */
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/)+", Pattern.DOTALL);

    /** Sorts by the real values, not their text: "0.9 ms" before "1.10 s". */
    static final Comparator<LogRow> BY_SEQUENCE = Comparator.comparingLong(LogRow::sequence);
    static final Comparator<LogRow> BY_DURATION = Comparator.comparingLong(row -> row.statement.durationNanos());
    static final Comparator<LogRow> BY_ROWS = Comparator.comparingLong(row -> row.statement.rows());

    /** What the Rows column means, kind by kind (its header's tooltip). */
    static final String ROWS_MEANING = """
            Rows, one meaning per kind:
            • SQL INSERT / UPDATE / DELETE: rows affected, as the server reported them
            • SQL SELECT and other reads: rows read, counted as the application reads the result
              (— until its reading ends: read to the end, closed, or failed part-way)
            • a JDBC batch: rows affected and (batch N), the executions it stands for
            • Cypher READ: rows returned
            • Cypher WRITE / SCHEMA: the number of changes the server counted (nodes, relationships,
              properties, labels, indexes, constraints); the statement's detail names the counters
            • — : not known""";

    static final String TX_MEANING = """
            The transaction each statement ran in, per thread:
            ┌ its BEGIN   │ a statement inside it   └ its COMMIT or ROLLBACK,
            with the statements it held and the time they took (BEGIN and COMMIT not included).
            Empty: auto-commit, one statement per transaction.""";

    private final CapturedStatement statement;
    private final String bracket;
    // Worked out when first needed (a cell shows the row, a filter is typed), not as a burst of
    // 10,000 statements arrives: most rows of a burst are never on screen. FX thread only.
    private String shortText;
    private String searchable;
    // The cells ask again on every layout that moves the rows (each tick of a burst): formatted once.
    private String time;
    private String duration;

    public LogRow(CapturedStatement statement) {
        this(statement, "");
    }

    /** @param bracket the Tx column's cell (see {@link TransactionBrackets}) */
    LogRow(CapturedStatement statement, String bracket) {
        this.statement = statement;
        this.bracket = bracket;
    }

    private String searchable() {
        if (searchable == null) {
            searchable = (statement.text().replaceAll("\\s+", " ") + " " + statement.action() + " "
                    + statement.kind().label() + " " + statement.engine().label() + " "
                    + (statement.error() == null ? "" : statement.error()))
                    .toLowerCase(Locale.ROOT);
        }
        return searchable;
    }

    static String withoutLeadingComments(String text) {
        var comments = LEADING_COMMENTS.matcher(text);
        String rest = comments.lookingAt() ? text.substring(comments.end()) : text;
        return rest.isBlank() ? text : rest;
    }

    public CapturedStatement statement() {
        return statement;
    }

    /** The same row with its statement completed (its rows read), bracket unchanged. */
    LogRow completedAs(CapturedStatement completed) {
        return new LogRow(completed, bracket);
    }

    /** The transaction bracket: ┌, │, └ with totals, or empty (auto-commit). */
    public String bracket() {
        return bracket;
    }

    public long sequence() {
        return statement.sequence();
    }

    public String time() {
        if (time == null) {
            time = TIME.format(statement.finishedAt());
        }
        return time;
    }

    public String engine() {
        return statement.engine().label();
    }

    public String kind() {
        return statement.kind().label();
    }

    public String action() {
        return statement.action();
    }

    /** The statement on one line, comments before it left out, cut at {@value #SHORT_TEXT} characters. */
    public String text() {
        if (shortText == null) {
            String oneLine = withoutLeadingComments(statement.text()).replaceAll("\\s+", " ").trim();
            shortText = oneLine.length() <= SHORT_TEXT ? oneLine : oneLine.substring(0, SHORT_TEXT - 1) + "…";
        }
        return shortText;
    }

    public String duration() {
        if (duration == null) {
            // fixed-point by hand: String.format was a tenth of the log's FX time while rows poured in
            double millis = statement.durationMillis();
            duration = millis >= 1000 ? decimals(millis / 1000, 100) + " s" : decimals(millis, 10) + " ms";
        }
        return duration;
    }

    /** {@code value} rounded half up to 1 / {@code scale} (10: one decimal, 100: two), as "%.1f" / "%.2f" in Locale.ROOT. */
    static String decimals(double value, int scale) {
        long scaled = Math.round(value * scale);
        long whole = scaled / scale;
        long part = scaled % scale;
        String fraction = Long.toString(part);
        while (fraction.length() < Long.toString(scale).length() - 1) {
            fraction = "0" + fraction;
        }
        return whole + "." + fraction;
    }

    /** The Rows cell; see {@link #ROWS_MEANING}. */
    public String rows() {
        long rows = statement.rows();
        String count = rows < 0 ? "—" : Long.toString(rows);
        if (statement.batchSize() > 1) {
            return rows < 0 ? "batch " + statement.batchSize() : rows + " (batch " + statement.batchSize() + ")";
        }
        if (rows >= 0 && statement.engine() == Engine.NEO4J && statement.kind() != StatementKind.CYPHER_READ) {
            return rows + (rows == 1 ? " change" : " changes");
        }
        return count;
    }

    public boolean failed() {
        return !statement.succeeded();
    }

    /** True if every word of the filter appears somewhere in the row (text, action, kind, engine, error). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        for (String word : filter.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!searchable().contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The full statement with its parameters, as copied to the clipboard. */
    public String copyText() {
        StringBuilder text = new StringBuilder(statement.text());
        if (!statement.parameters().isEmpty()) {
            text.append("\n-- parameters: ");
            text.append(String.join("\n--             ", statement.parameters()));
        }
        text.append("\n-- ").append(statement.engine().label()).append(' ').append(statement.kind().label())
                .append(", ").append(duration()).append(", action: ").append(statement.action());
        if (statement.error() != null) {
            text.append("\n-- error: ").append(statement.error().replace("\n", " "));
        }
        return text.toString();
    }
}
