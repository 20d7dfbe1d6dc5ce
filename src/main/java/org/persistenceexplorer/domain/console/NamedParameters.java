package org.persistenceexplorer.domain.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.persistenceexplorer.domain.statement.SqlText;

/**
 * Finds the named parameters of a statement ({@code :name} in SQL and HQL, {@code $name} in
 * Cypher), outside quotes and comments, and turns SQL's into JDBC's {@code ?} so they are
 * always bound, never pasted into the text. A cast {@code ::type} is no parameter.
 * Stateless; thread-safe.
 */
public final class NamedParameters {

    private NamedParameters() {
    }

    /** The distinct parameter names in order of first appearance. */
    public static List<String> names(String text, ConsoleMode mode) {
        Set<String> names = new LinkedHashSet<>();
        scan(text, mode, (name, at) -> names.add(name));
        return List.copyOf(names);
    }

    /**
     * The SQL with each {@code :name} replaced by {@code ?}, the names in placeholder order, and
     * how to map a position in the new text back to the original (for error markers).
     */
    public static Jdbc toJdbc(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> order = new ArrayList<>();
        List<int[]> cuts = new ArrayList<>();
        int[] copied = {0};
        int[] nativeShift = {0};
        scan(sql, ConsoleMode.SQL, (name, at) -> {
            out.append(sql, copied[0], at).append('?');
            // pgjdbc sends the n-th '?' as "$n": the server's positions count those characters.
            nativeShift[0] += String.valueOf(order.size() + 1).length();
            cuts.add(new int[] {out.length() + nativeShift[0], at + 1 + name.length()});
            copied[0] = at + 1 + name.length();
            order.add(name);
        });
        out.append(sql.substring(copied[0]));
        return new Jdbc(out.toString(), List.copyOf(order), List.copyOf(cuts));
    }

    private interface Found {
        void at(String name, int index);
    }

    private static void scan(String text, ConsoleMode mode, Found found) {
        char prefix = mode.parameterPrefix();
        int i = 0;
        while (i < text.length()) {
            int skipped = mode == ConsoleMode.CYPHER ? skipCypher(text, i) : SqlText.skipCommentOrQuoted(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = text.charAt(i);
            if (c == prefix && (i == 0 || text.charAt(i - 1) != prefix) && i + 1 < text.length()
                    && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                found.at(text.substring(i + 1, end), i);
                i = end;
                continue;
            }
            i++;
        }
    }

    private static int skipCypher(String s, int i) {
        char c = s.charAt(i);
        if (s.startsWith("//", i)) {
            return lineEnd(s, i);
        }
        if (s.startsWith("/*", i)) {
            return blockEnd(s, i);
        }
        if (c == '\'' || c == '"' || c == '`') {
            int at = i + 1;
            while (at < s.length() && s.charAt(at) != c) {
                at += s.charAt(at) == '\\' && c != '`' ? 2 : 1;
            }
            return Math.min(s.length(), at + 1);
        }
        return i;
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end + 1;
    }

    private static int blockEnd(String s, int i) {
        int end = s.indexOf("*/", i + 2);
        return end < 0 ? s.length() : end + 2;
    }

    /**
     * SQL ready for a JDBC PreparedStatement.
     *
     * @param names the parameter bound to each {@code ?}, in order (a name may repeat)
     */
    public record Jdbc(String sql, List<String> names, List<int[]> cuts) {

        /**
         * The 1-based position in the original text for a 1-based position in what the server got
         * (the SQL with each {@code ?} sent as {@code $n}, as pgjdbc does).
         */
        public int originalPosition(int position) {
            int shift = 0;
            for (int[] cut : cuts) {
                // cut[0]: index after the "$n" in the sent text; cut[1]: index after ":name" in the original
                if (position - 1 >= cut[0]) {
                    shift = cut[1] - cut[0];
                }
            }
            return position + shift;
        }
    }
}
