package org.persistenceexplorer.ui.log;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.persistenceexplorer.domain.statement.CapturedStatement;

/** One line of the statement log panel: a captured statement in display form. Immutable. */
public final class LogRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    static final int SHORT_TEXT = 240;

    private final CapturedStatement statement;
    private final String shortText;
    private final String searchable;

    public LogRow(CapturedStatement statement) {
        this.statement = statement;
        String oneLine = statement.text().replaceAll("\\s+", " ").trim();
        this.shortText = oneLine.length() <= SHORT_TEXT ? oneLine : oneLine.substring(0, SHORT_TEXT - 1) + "…";
        this.searchable = (oneLine + " " + statement.action() + " " + statement.kind().label() + " "
                + statement.engine().label() + " " + (statement.error() == null ? "" : statement.error()))
                .toLowerCase(Locale.ROOT);
    }

    public CapturedStatement statement() {
        return statement;
    }

    public long sequence() {
        return statement.sequence();
    }

    public String time() {
        return TIME.format(statement.finishedAt());
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

    public String text() {
        return shortText;
    }

    public String duration() {
        double millis = statement.durationMillis();
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    public String rows() {
        if (statement.batchSize() > 1) {
            return statement.rows() < 0 ? "batch " + statement.batchSize() : statement.rows() + " (batch " + statement.batchSize() + ")";
        }
        return statement.rows() < 0 ? "" : Long.toString(statement.rows());
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
            if (!searchable.contains(word)) {
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
