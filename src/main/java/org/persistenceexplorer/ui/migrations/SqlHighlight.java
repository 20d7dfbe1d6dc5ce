package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;

/**
 * Splits SQL into styled runs for a TextFlow: comments, string literals, numbers and keywords
 * get style classes (pe-sql-comment, ...; colours in migrations.css). Display only; FX thread.
 *
 * <p>Every Text node costs the FX thread CSS and text layout, so runs are as few as the colours
 * allow: whitespace and punctuation join the run before them, neighbours of one style are one
 * run. A long script (the hr track's 37 KB of sample INSERTs was 6,700 nodes and a stall of
 * hundreds of ms) shows its first {@value #MAX_LINES} lines and says how much more the file has.
 */
final class SqlHighlight {

    /** Lines shown of a long script; the rest is summed up in one comment line. */
    static final int MAX_LINES = 120;

    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>--[^\\n]*|/\\*(?s:.*?)\\*/)|(?<string>'(?:[^']|'')*')|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<word>\\b[A-Za-z_]+\\b)");

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of(
            "select", "from", "where", "insert", "into", "values", "update", "set", "delete", "create", "table",
            "alter", "drop", "add", "column", "constraint", "primary", "key", "foreign", "references", "unique",
            "check", "not", "null", "default", "index", "on", "cascade", "join", "and", "or", "in", "as", "by",
            "group", "order", "distinct", "generated", "identity", "always", "bigint", "integer", "smallint", "text",
            "varchar", "numeric", "date", "timestamptz", "boolean", "between", "is", "exists", "if", "rename", "to",
            "using", "with", "begin", "commit", "type", "view", "sequence", "trim", "both", "schema", "only", "local");

    private SqlHighlight() {
    }

    static List<Text> runs(String sql) {
        String shown = sql;
        String rest = null;
        int cut = cutAfterLines(sql, MAX_LINES);
        if (cut < sql.length()) {
            shown = sql.substring(0, cut);
            long more = sql.substring(cut).lines().count();
            rest = String.format(java.util.Locale.ROOT,
                    "-- … %,d more lines not shown here (the whole script is %,d characters; it is in the track's folder).",
                    more, sql.length());
        }
        Runs runs = new Runs();
        Matcher m = TOKENS.matcher(shown);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(shown.substring(at, m.start()), null);
            }
            String style = m.group("comment") != null ? "pe-sql-comment"
                    : m.group("string") != null ? "pe-sql-string"
                    : m.group("number") != null ? "pe-sql-number"
                    : KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT)) ? "pe-sql-keyword" : null;
            runs.add(m.group(), style);
            at = m.end();
        }
        if (at < shown.length()) {
            runs.add(shown.substring(at), null);
        }
        if (rest != null) {
            runs.add(rest, "pe-sql-comment");
        }
        return runs.texts();
    }

    /** The index just after the {@code lines}-th line break, or the length if the text is shorter. */
    private static int cutAfterLines(String sql, int lines) {
        int at = 0;
        for (int i = 0; i < lines; i++) {
            int nl = sql.indexOf('\n', at);
            if (nl < 0) {
                return sql.length();
            }
            at = nl + 1;
        }
        return at;
    }

    /** Runs merged while the style allows: plain text (whitespace, punctuation) joins the run before it. */
    private static final class Runs {
        private final List<Text> texts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private String style;
        private boolean open;

        void add(String s, String runStyle) {
            boolean blank = runStyle == null && s.isBlank();
            if (open && (java.util.Objects.equals(style, runStyle) || blank)) {
                text.append(s);
                return;
            }
            flush();
            text.append(s);
            style = runStyle;
            open = true;
        }

        List<Text> texts() {
            flush();
            return texts;
        }

        private void flush() {
            if (!open) {
                return;
            }
            Text t = new Text(text.toString());
            t.getStyleClass().add("pe-sql");
            if (style != null) {
                t.getStyleClass().add(style);
            }
            texts.add(t);
            text.setLength(0);
            open = false;
        }
    }
}
