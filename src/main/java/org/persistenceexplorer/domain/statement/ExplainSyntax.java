package org.persistenceexplorer.domain.statement;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the head of an {@code EXPLAIN} statement as PostgreSQL does: the old form
 * {@code EXPLAIN [ANALYZE] [VERBOSE] statement} and the option list
 * {@code EXPLAIN (ANALYZE [boolean], FORMAT JSON, ...) statement}, where an option without a
 * value is on and {@code false}, {@code off} and {@code 0} turn it off. The classifier and the
 * console both need to know whether the statement really runs and where it starts.
 * Stateless; thread-safe.
 *
 * @param analyze        the statement is executed (ANALYZE on), not only planned
 * @param options        every option given, upper-cased, to its value ("" when none was written)
 * @param statementStart index where the explained statement starts
 */
public record ExplainSyntax(boolean analyze, Map<String, String> options, int statementStart) {

    /** The EXPLAIN head of {@code sql}, or null when it is no EXPLAIN statement. */
    public static ExplainSyntax of(String sql) {
        if (sql == null) {
            return null;
        }
        int at = SqlText.skipNoise(sql, 0);
        String first = word(sql, at);
        if (!first.equalsIgnoreCase("EXPLAIN")) {
            return null;
        }
        at = SqlText.skipNoise(sql, at + first.length());
        Map<String, String> options = new LinkedHashMap<>();
        if (at < sql.length() && sql.charAt(at) == '(') {
            at = readOptionList(sql, at + 1, options);
        }
        while (true) {
            String w = word(sql, at);
            String upper = w.toUpperCase(Locale.ROOT);
            if (!upper.equals("ANALYZE") && !upper.equals("ANALYSE") && !upper.equals("VERBOSE")) {
                break;
            }
            options.put(upper.equals("ANALYSE") ? "ANALYZE" : upper, "");
            at = SqlText.skipNoise(sql, at + w.length());
        }
        String analyze = options.get("ANALYZE");
        boolean on = analyze != null && !(analyze.equals("FALSE") || analyze.equals("OFF") || analyze.equals("0"));
        return new ExplainSyntax(on, Map.copyOf(options), Math.min(at, sql.length()));
    }

    /** True when an option was written, e.g. {@code hasOption("FORMAT")}. */
    public boolean hasOption(String name) {
        return options.containsKey(name);
    }

    /** Reads "name [value], ..." up to the closing parenthesis; returns the index after it and the blanks behind. */
    private static int readOptionList(String sql, int from, Map<String, String> options) {
        int at = from;
        StringBuilder name = new StringBuilder();
        StringBuilder value = new StringBuilder();
        while (at < sql.length()) {
            int skipped = SqlText.skipComment(sql, at);
            if (skipped != at) {
                at = skipped;
                continue;
            }
            char c = sql.charAt(at);
            if (c == ',' || c == ')') {
                put(options, name, value);
                name.setLength(0);
                value.setLength(0);
                at++;
                if (c == ')') {
                    return SqlText.skipNoise(sql, at);
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (name.length() > 0 && value.length() == 0) {
                    value.append(' '); // name ended; what follows is its value
                }
                at++;
                continue;
            }
            int quoted = SqlText.skipQuoted(sql, at);
            String piece = quoted != at ? sql.substring(at, quoted) : String.valueOf(c);
            (value.length() > 0 ? value : name).append(piece);
            at = quoted != at ? quoted : at + 1;
        }
        put(options, name, value);
        return sql.length();
    }

    private static void put(Map<String, String> options, StringBuilder name, StringBuilder value) {
        String key = name.toString().strip().toUpperCase(Locale.ROOT);
        if (key.equals("ANALYSE")) {
            key = "ANALYZE";
        }
        if (!key.isEmpty()) {
            options.put(key, value.toString().strip().replace("'", "").toUpperCase(Locale.ROOT));
        }
    }

    private static String word(String sql, int at) {
        int end = at;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(Math.min(at, end), end);
    }
}
