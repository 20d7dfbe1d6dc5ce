package org.persistenceexplorer.store.sql;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.SqlText;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.util.GT;

/**
 * Records what the server executed for one JDBC call, counted as the server counts it:
 * each statement of a string of several (split by pgjdbc's own parser, which is how the driver
 * sends them), nothing for a string of only comments and semicolons, and for a failed batch the
 * rows executed before the failing one plus the failing one as an error. Stateless; thread-safe.
 */
final class SentStatements {

    /**
     * pgjdbc's failed-batch message names the failing entry ("Batch entry 5 INSERT ... was
     * aborted"), the only account of how far the server got: in a transaction the driver reports
     * every count as failed. The message is translated and its number formatted for the default
     * locale ("1,233", "1.233"), so the pattern is built from the driver's own template.
     */
    private static final String BATCH_TEMPLATE =
            "Batch entry {0} {1} was aborted: {2}  Call getNextException to see other errors in the batch.";
    private static final String ENTRY_MARK = "\u0001";
    private static final String QUERY_MARK = "\u0002";
    private static final Pattern BATCH_ENTRY = batchEntryPattern();

    private SentStatements() {
    }

    /**
     * One execute/executeQuery/executeUpdate call. Returns the record when the call ran exactly
     * one statement (its result set's reading may complete it later), null otherwise.
     */
    static CapturedStatement record(StatementRecorder recorder, String sql, List<String> parameters, long duration,
                                    long rows, Outcome outcome) {
        List<String> statements = split(sql);
        if (statements.isEmpty()) {
            if (outcome.error() != null) {
                recorder.record(Engine.POSTGRESQL, StatementKind.OTHER, sql, parameters, duration, -1, 1, outcome.error());
            }
            return null; // the server received nothing to run, and counts nothing
        }
        if (statements.size() == 1) {
            return recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sql), sql, parameters, duration, rows, 1,
                    outcome.error());
        }
        if (outcome.error() != null) {
            // On a failure in a string of several, which one failed is not known: one error row.
            recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(sql), sql, parameters, duration, -1, 1, outcome.error());
            return null;
        }
        for (String statement : statements) {
            recorder.record(Engine.POSTGRESQL, StatementKind.ofSql(statement), statement, parameters,
                    duration / statements.size(), -1, 1, null);
        }
        return null;
    }

    /**
     * One query of a batch: {@code entries} rows starting at batch position {@code first}.
     * A failed batch records the rows the server ran before the failing one as a success (the
     * server executed and counted them, even when the failure rolls them back) and the failing
     * one as an error; rows after it never ran.
     */
    static void recordBatchEntries(StatementRecorder recorder, String sql, List<String> parameters, long duration,
                                   int entries, int first, Outcome outcome, Object result, Throwable thrown) {
        if (result instanceof int[] counts && counts.length == 0) {
            return; // executeBatch() with nothing added sends nothing
        }
        StatementKind kind = StatementKind.ofSql(sql);
        if (outcome.error() == null) {
            recorder.record(Engine.POSTGRESQL, kind, sql, parameters, duration, SqlCaptureListener.rowsOf(result), entries, null);
            return;
        }
        int executed = executedBefore(thrown);
        if (executed < 0) {
            recorder.record(Engine.POSTGRESQL, kind, sql, parameters, duration, -1, entries, outcome.error());
            return;
        }
        int ran = Math.max(0, Math.min(entries, executed - first));
        if (ran > 0) {
            recorder.record(Engine.POSTGRESQL, kind, sql, slice(parameters, 0, ran, entries), duration, -1, ran, null);
        }
        if (executed >= first && executed < first + entries) {
            recorder.record(Engine.POSTGRESQL, kind, sql, slice(parameters, ran, ran + 1, entries), 0, -1, 1,
                    outcome.error());
        }
    }

    /** Rows of the batch the server executed before the failing one, or -1 when unknown. */
    static int executedBefore(Throwable thrown) {
        if (!(thrown instanceof BatchUpdateException batch)) {
            return -1;
        }
        int named = namedEntry(String.valueOf(batch.getMessage()));
        int counted = 0;
        for (int count : batch.getUpdateCounts()) {
            if (count == Statement.EXECUTE_FAILED) {
                break;
            }
            counted++;
        }
        return Math.max(named, counted);
    }

    /** The failing entry's index as pgjdbc's message names it, or -1. */
    static int namedEntry(String message) {
        Matcher entry = BATCH_ENTRY.matcher(message);
        if (!entry.find()) {
            return -1;
        }
        String number = entry.group(1);
        try {
            return NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT)).parse(number).intValue();
        } catch (ParseException e) {
            String digits = number.replaceAll("\\D", "");
            return digits.isEmpty() ? -1 : Integer.parseInt(digits);
        }
    }

    /** "^Batch entry (number) " in the driver's language: the text before {0}, the number, the text up to {1}. */
    static Pattern batchEntryPattern() {
        String template = GT.tr(BATCH_TEMPLATE, ENTRY_MARK, QUERY_MARK, "");
        int entry = template.indexOf(ENTRY_MARK);
        int query = template.indexOf(QUERY_MARK);
        if (entry < 0 || query < entry) {
            template = MessageFormat.format(BATCH_TEMPLATE, ENTRY_MARK, QUERY_MARK, "");
            entry = template.indexOf(ENTRY_MARK);
            query = template.indexOf(QUERY_MARK);
        }
        String before = template.substring(0, entry);
        String between = template.substring(entry + ENTRY_MARK.length(), query);
        return Pattern.compile("^" + Pattern.quote(before) + "(\\d[^\\s]*?)" + Pattern.quote(between));
    }

    /** The statements the server will run for this text, as pgjdbc splits it; empty for nothing to run. */
    static List<String> split(String sql) {
        if (sql == null || SqlText.isBlank(sql)) {
            return List.of();
        }
        if (sql.indexOf(';') < 0) {
            return List.of(sql);
        }
        try {
            List<NativeQuery> parts = Parser.parseJdbcSql(sql, true, true, true, false, false);
            List<String> statements = parts.stream().map(q -> q.nativeSql).filter(q -> !SqlText.isBlank(q))
                    .map(String::strip).toList();
            return statements.size() == 1 ? List.of(sql) : statements;
        } catch (SQLException e) {
            return List.of(sql);
        }
    }

    private static List<String> slice(List<String> parameters, int from, int to, int entries) {
        return parameters.size() == entries ? parameters.subList(from, to) : parameters;
    }
}
