package org.persistenceexplorer.service.tables.entity;

import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.persistenceexplorer.service.tables.TableRef;

/**
 * What the database refused, in plain words: a unique, foreign-key, check or not-null
 * violation named with its constraint, column and value, read from PostgreSQL's own error
 * fields (constraint, column, detail), never guessed from the message text alone. Immutable.
 *
 * @param constraint the constraint's name, or "" when the server named none
 * @param column     the column concerned, or "" when unknown
 * @param value      the offending value, or "" when unknown
 * @param message    the whole sentence for the user
 */
public record DatabaseRefusal(String constraint, String column, String value, String message) {

    /** "Key (email)=(ana@x) already exists." and its foreign-key cousins. */
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\) (already exists|is not present in table \"(.+?)\"|is still referenced from table \"(.+?)\")\\.?", Pattern.DOTALL);

    /**
     * The refusal inside {@code failure} (any depth of causes), or null when it is no integrity violation.
     *
     * @param table  the table that was written
     * @param values the values the user sent, by column (to name the value of a check or not-null violation)
     */
    public static DatabaseRefusal of(Throwable failure, TableRef table, Map<String, String> values) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    && psql.getSQLState() != null && psql.getSQLState().startsWith("23")) {
                return of(psql.getSQLState(), psql.getServerErrorMessage(), table, values);
            }
            if (t instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
                    && next.getServerErrorMessage() != null && next.getSQLState() != null && next.getSQLState().startsWith("23")) {
                return of(next.getSQLState(), next.getServerErrorMessage(), table, values);
            }
        }
        return null;
    }

    private static DatabaseRefusal of(String state, ServerErrorMessage error, TableRef table, Map<String, String> values) {
        String constraint = nonNull(error.getConstraint());
        String detail = nonNull(error.getDetail());
        Matcher key = KEY.matcher(detail);
        String column = nonNull(error.getColumn());
        String value = "";
        if (key.find()) {
            column = key.group(1);
            value = key.group(2);
        }
        String where = table.toString();
        String nothing = " Nothing was saved: the transaction was rolled back.";
        return switch (state) {
            case "23505" -> new DatabaseRefusal(constraint, column, value, "Another row of " + where + " already has "
                    + column + " = '" + value + "': the unique constraint " + constraint + " allows each value once." + nothing);
            case "23503" -> key.matches() && key.group(5) != null
                    ? new DatabaseRefusal(constraint, column, value, "This row of " + where + " is still referenced from "
                    + key.group(5) + " (" + column + " = " + value + ", foreign key " + constraint + "): change or delete "
                    + "those rows first." + nothing)
                    : new DatabaseRefusal(constraint, column, value, "There is no " + (key.matches() && key.group(4) != null
                    ? key.group(4) : "referenced row") + " with " + column + " = " + value + " (foreign key " + constraint
                    + ")." + nothing);
            case "23502" -> new DatabaseRefusal(constraint, column, "", column + " of " + where
                    + " must have a value (it is NOT NULL)." + nothing);
            case "23514" -> {
                String checked = column.isEmpty() ? columnNamedIn(constraint, values) : column;
                String sent = values.getOrDefault(checked, "");
                yield new DatabaseRefusal(constraint, checked, sent, (checked.isEmpty() ? "A value" : checked
                        + (sent.isEmpty() ? "" : " = " + sent)) + " breaks the check constraint " + constraint
                        + " of " + where + "." + nothing);
            }
            default -> new DatabaseRefusal(constraint, column, value, nonNull(error.getMessage()) + nothing);
        };
    }

    /** PostgreSQL names a column check constraint {@code <table>_<column>_check}: find the sent column it names. */
    private static String columnNamedIn(String constraint, Map<String, String> values) {
        return values.keySet().stream().filter(c -> constraint.contains("_" + c + "_")).findFirst().orElse("");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
