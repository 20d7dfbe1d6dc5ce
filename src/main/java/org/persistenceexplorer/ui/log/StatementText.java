package org.persistenceexplorer.ui.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;

/**
 * A statement's text made readable (one clause a line) and runnable (its parameters put back in,
 * so it can be pasted into psql or Neo4j Browser / cypher-shell). Plain logic; any thread.
 */
final class StatementText {

    private static final Pattern SQL_CLAUSES = Pattern.compile(
            "\\s+(?=(?i:FROM|WHERE|GROUP BY|ORDER BY|HAVING|LIMIT|OFFSET|VALUES|SET|RETURNING|ON CONFLICT"
                    + "|(?:LEFT |RIGHT |INNER |FULL |CROSS )?(?:OUTER )?JOIN|UNION(?: ALL)?)\\b)");
    private static final Pattern CYPHER_CLAUSES = Pattern.compile(
            "\\s+(?=(?:UNWIND|MATCH|OPTIONAL MATCH|MERGE|CREATE|WITH|WHERE|SET|ON CREATE SET|ON MATCH SET"
                    + "|RETURN|ORDER BY|SKIP|LIMIT|DELETE|DETACH DELETE|REMOVE|CALL|FOREACH)\\b)");
    /** A SQL parameter line is "1=42, 2=Ann"; each entry starts at a "n=" after ", ". */
    private static final Pattern SQL_ENTRY = Pattern.compile("(?:^|, )(\\d+)=");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private StatementText() {
    }

    /**
     * The text with one clause a line. A statement that already has line breaks (a migration
     * script, a hand-written query) is kept as its author wrote it.
     */
    static String pretty(CapturedStatement statement) {
        String text = statement.text().strip();
        if (text.contains("\n") || text.length() <= 80) {
            return text;
        }
        Pattern clauses = statement.engine() == Engine.NEO4J ? CYPHER_CLAUSES : SQL_CLAUSES;
        return clauses.matcher(text).replaceAll("\n");
    }

    /**
     * The statement as it can be run again by hand: SQL with each {@code ?} replaced by its value
     * (numbers bare, everything else quoted), Cypher preceded by {@code :param name => value} lines.
     * A batch uses its first parameter set.
     */
    static String runnable(CapturedStatement statement) {
        if (statement.parameters().isEmpty()) {
            return statement.text();
        }
        if (statement.engine() == Engine.NEO4J) {
            StringBuilder text = new StringBuilder();
            for (String parameter : statement.parameters()) {
                int eq = parameter.indexOf('=');
                if (eq > 0) {
                    text.append(":param ").append(parameter, 0, eq).append(" => ").append(parameter.substring(eq + 1)).append('\n');
                }
            }
            return text.append(statement.text()).toString();
        }
        return inline(statement.text(), sqlValues(statement.parameters().get(0)));
    }

    static List<String> sqlValues(String line) {
        List<String> values = new ArrayList<>();
        Matcher entry = SQL_ENTRY.matcher(line);
        int valueStart = -1;
        while (entry.find()) {
            if (valueStart >= 0) {
                values.add(line.substring(valueStart, entry.start()));
            }
            valueStart = entry.end();
        }
        if (valueStart >= 0) {
            values.add(line.substring(valueStart));
        }
        return values;
    }

    /** Replaces the {@code ?} placeholders outside quotes and comments, in order. */
    private static String inline(String sql, List<String> values) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int next = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?' && next < values.size()) {
                out.append(literal(values.get(next++)));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String literal(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(value).matches() || lower.equals("true") || lower.equals("false")) {
            return value;
        }
        if (value.equals("NULL")) {
            return "NULL";
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
