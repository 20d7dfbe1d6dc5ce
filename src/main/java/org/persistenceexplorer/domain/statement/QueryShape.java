package org.persistenceexplorer.domain.statement;

import java.util.Locale;

/**
 * The shape of a SQL statement as pg_stat_statements groups it: constants and parameters
 * replaced by {@code ?}, comments dropped, whitespace and letter case evened out. The app's
 * captured text ("select 1") and the server's normalized text ("select $1") have the same shape,
 * so the two sides can be compared statement by statement. An approximation of the server's
 * parse-tree fingerprint (queryid): good enough to name what one side saw and the other did not.
 * Stateless; thread-safe.
 */
public final class QueryShape {

    private QueryShape() {
    }

    /** The shape of the text. */
    public static String of(String sql) {
        if (sql == null) {
            return "";
        }
        StringBuilder shape = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlText.skipComment(sql, i);
            if (skipped != i) {
                space(shape);
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            int quoted = c == '"' ? i : SqlText.skipQuoted(sql, i);
            if (quoted != i) {
                shape.append('?');
                i = quoted;
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                shape.append('?');
                i = digitsEnd(sql, i + 1);
            } else if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                shape.append('?');
                i = digitsEnd(sql, i);
                if (i + 1 < sql.length() && sql.charAt(i) == '.' && Character.isDigit(sql.charAt(i + 1))) {
                    i = digitsEnd(sql, i + 1);
                }
            } else if (Character.isWhitespace(c)) {
                space(shape);
                i++;
            } else {
                shape.append(Character.toLowerCase(c));
                i++;
            }
        }
        String text = shape.toString().strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static void space(StringBuilder shape) {
        if (shape.length() > 0 && shape.charAt(shape.length() - 1) != ' ') {
            shape.append(' ');
        }
    }

    private static int digitsEnd(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
