package org.persistenceexplorer.ui.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;

/**
 * Splits SQL into styled runs for a TextFlow: comments, string literals, numbers and keywords
 * get style classes (pe-sql-comment, ...; colours in migrations.css). Display only; FX thread.
 */
final class SqlHighlight {

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
        List<Text> runs = new ArrayList<>();
        Matcher m = TOKENS.matcher(sql);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(text(sql.substring(at, m.start()), null));
            }
            String style = m.group("comment") != null ? "pe-sql-comment"
                    : m.group("string") != null ? "pe-sql-string"
                    : m.group("number") != null ? "pe-sql-number"
                    : KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT)) ? "pe-sql-keyword" : null;
            runs.add(text(m.group(), style));
            at = m.end();
        }
        if (at < sql.length()) {
            runs.add(text(sql.substring(at), null));
        }
        return runs;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("pe-sql");
        if (style != null) {
            t.getStyleClass().add(style);
        }
        return t;
    }
}
