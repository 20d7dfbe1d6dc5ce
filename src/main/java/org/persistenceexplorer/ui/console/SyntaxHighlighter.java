package org.persistenceexplorer.ui.console;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.persistenceexplorer.domain.console.ConsoleMode;

/**
 * Style spans for the console's editor: keywords, strings, comments, numbers and named
 * parameters of the mode's language, plus the error marker over the token the engine pointed
 * at. A regular expression per mode (good enough to read by; the engine decides what is valid).
 * Stateless; FX thread or any.
 */
final class SyntaxHighlighter {

    private static final String SQL_WORDS = "select|from|where|and|or|not|in|is|null|as|join|left|right|full|inner|outer|"
            + "cross|on|using|group|by|having|order|asc|desc|limit|offset|fetch|union|all|intersect|except|distinct|"
            + "insert|into|values|update|set|delete|returning|create|table|index|view|drop|alter|add|column|primary|key|"
            + "foreign|references|unique|check|default|constraint|with|recursive|case|when|then|else|end|exists|between|"
            + "like|ilike|over|partition|window|rows|range|explain|analyze|verbose|begin|commit|rollback|true|false|"
            + "schema|cascade|truncate|lateral|filter|coalesce|cast|interval|date|timestamp|numeric|int|integer|bigint|"
            + "text|varchar|boolean|count|sum|avg|min|max|rank|row_number|dense_rank";
    private static final String HQL_WORDS = SQL_WORDS + "|fetch|member|of|elements|size|treat|new|object|entry|"
            + "index|element|type|id|version";
    private static final String CYPHER_WORDS = "match|optional|where|return|with|unwind|create|merge|delete|detach|set|"
            + "remove|order|by|skip|limit|asc|desc|and|or|not|xor|in|is|null|true|false|as|distinct|case|when|then|"
            + "else|end|call|yield|union|all|exists|shortestpath|allshortestpaths|explain|profile|foreach|on|load|csv|"
            + "count|collect|length|nodes|relationships|coalesce|starts|ends|contains|constraint|index|for|require|drop";

    // Every repetition is possessive over a character class, or repeats only at an escape: a
    // group of alternatives under * recurses once per character in java.util.regex, and a
    // 200,000-character literal then overflows the stack (the fuzz test found it).
    private static final String BLOCK_COMMENT = "/\\*(?s:.*?)\\*/";
    private static final Pattern SQL = compile(SQL_WORDS, "--[^\n]*+|" + BLOCK_COMMENT,
            "'[^']*+(?:''[^']*+)*+'?|\"[^\"]*+(?:\"\"[^\"]*+)*+\"?|\\$\\$(?s:.*?)\\$\\$", "(?<![:\\w]):[A-Za-z_]\\w*+");
    private static final Pattern HQL = compile(HQL_WORDS, "--[^\n]*+|" + BLOCK_COMMENT,
            "'[^']*+(?:''[^']*+)*+'?", "(?<![:\\w]):[A-Za-z_]\\w*+");
    private static final Pattern CYPHER = compile(CYPHER_WORDS, "//[^\n]*+|" + BLOCK_COMMENT,
            "'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+'?|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"?|`[^`]*+`?", "\\$[A-Za-z_]\\w*+");

    private SyntaxHighlighter() {
    }

    private static Pattern compile(String words, String comment, String string, String parameter) {
        return Pattern.compile("(?<COMMENT>" + comment + ")|(?<STRING>" + string + ")|(?<PARAMETER>" + parameter + ")"
                + "|(?<KEYWORD>(?i)\\b(?:" + words + ")\\b)|(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)");
    }

    /**
     * @param errorAt the error marker's start, or -1 for none: it covers the word or symbol there
     */
    static StyleSpans<Collection<String>> spans(String text, ConsoleMode mode, int errorAt) {
        Pattern pattern = switch (mode) {
            case SQL -> SQL;
            case HQL -> HQL;
            case CYPHER -> CYPHER;
        };
        int errorEnd = errorAt < 0 || errorAt >= text.length() ? -1 : errorEnd(text, errorAt);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            plain(spans, text, last, m.start(), errorAt, errorEnd);
            String style = m.group("COMMENT") != null ? "comment" : m.group("STRING") != null ? "string"
                    : m.group("PARAMETER") != null ? "parameter" : m.group("KEYWORD") != null ? "keyword" : "number";
            styled(spans, m.start(), m.end(), style, errorAt, errorEnd);
            last = m.end();
        }
        plain(spans, text, last, text.length(), errorAt, errorEnd);
        return spans.create();
    }

    private static void plain(StyleSpansBuilder<Collection<String>> spans, String text, int from, int to, int errorAt, int errorEnd) {
        styled(spans, from, to, null, errorAt, errorEnd);
        if (from == 0 && to == 0 && text.isEmpty()) {
            spans.add(Collections.emptyList(), 0);
        }
    }

    /** Adds [from, to) with the style, split where the error marker begins and ends. */
    private static void styled(StyleSpansBuilder<Collection<String>> spans, int from, int to, String style,
                               int errorAt, int errorEnd) {
        if (to <= from) {
            return;
        }
        if (errorEnd < 0 || errorEnd <= from || errorAt >= to) {
            spans.add(style == null ? Collections.emptyList() : List.of(style), to - from);
            return;
        }
        int a = Math.max(from, errorAt);
        int b = Math.min(to, errorEnd);
        if (a > from) {
            spans.add(style == null ? Collections.emptyList() : List.of(style), a - from);
        }
        spans.add(style == null ? List.of("error-mark") : List.of(style, "error-mark"), b - a);
        if (to > b) {
            spans.add(style == null ? Collections.emptyList() : List.of(style), to - b);
        }
    }

    private static int errorEnd(String text, int at) {
        int end = at;
        // a qualified name (hr.employe) is marked whole
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1)))) {
            end++;
        }
        return end == at ? at + 1 : end;
    }
}
