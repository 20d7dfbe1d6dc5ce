package org.persistenceexplorer.domain.statement;

/**
 * PostgreSQL's lexical rules for the few things the capture layer must not get wrong: where a
 * comment (nested {@code /* ... *}{@code /}, {@code --} to the end of the line) or a quoted
 * token ({@code '...'}, {@code E'...'} with backslash escapes, {@code "..."}, dollar quotes
 * with and without a tag) ends. Classification, masking and "is there anything to run" build on
 * it, so a keyword or parenthesis inside a comment or a string never counts. Stateless; thread-safe.
 */
public final class SqlText {

    private SqlText() {
    }

    /** The index after the comment starting at {@code i}, or {@code i} when none starts there. */
    public static int skipComment(String s, int i) {
        if (s.startsWith("--", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (s.startsWith("/*", i)) {
            int depth = 0;
            int at = i;
            while (at < s.length()) {
                if (s.startsWith("/*", at)) {
                    depth++;
                    at += 2;
                } else if (s.startsWith("*/", at)) {
                    depth--;
                    at += 2;
                    if (depth == 0) {
                        return at;
                    }
                } else {
                    at++;
                }
            }
            return s.length();
        }
        return i;
    }

    /** The index after the comment or quoted token starting at {@code i}, or {@code i} when none starts there. */
    public static int skipCommentOrQuoted(String s, int i) {
        int after = skipComment(s, i);
        return after != i ? after : skipQuoted(s, i);
    }

    /** The index after whitespace and comments from {@code i}. */
    public static int skipNoise(String s, int i) {
        int at = i;
        while (at < s.length()) {
            if (Character.isWhitespace(s.charAt(at))) {
                at++;
                continue;
            }
            int after = skipComment(s, at);
            if (after == at) {
                return at;
            }
            at = after;
        }
        return at;
    }

    /**
     * The index after the quoted token starting at {@code i} (string, escape string, quoted
     * identifier or dollar-quoted string), or {@code i} when none starts there.
     */
    public static int skipQuoted(String s, int i) {
        char c = s.charAt(i);
        if (c == '\'') {
            return afterQuote(s, i + 1, '\'', backslashEscapes(s, i));
        }
        if (c == '"') {
            return afterQuote(s, i + 1, '"', false);
        }
        if ((c == 'e' || c == 'E') && i + 1 < s.length() && s.charAt(i + 1) == '\'' && !identifierBefore(s, i)) {
            return afterQuote(s, i + 2, '\'', true);
        }
        if (c == '$') {
            String tag = dollarTag(s, i);
            if (tag != null) {
                int close = s.indexOf(tag, i + tag.length());
                return close < 0 ? s.length() : close + tag.length();
            }
        }
        return i;
    }

    /** The dollar-quote opener ({@code $$} or {@code $tag$}) at {@code i}, or null (e.g. a parameter {@code $1}). */
    public static String dollarTag(String s, int i) {
        if (s.charAt(i) != '$' || identifierBefore(s, i)) {
            return null;
        }
        int at = i + 1;
        while (at < s.length() && (Character.isLetter(s.charAt(at)) || s.charAt(at) == '_'
                || (at > i + 1 && Character.isDigit(s.charAt(at))))) {
            at++;
        }
        return at < s.length() && s.charAt(at) == '$' ? s.substring(i, at + 1) : null;
    }

    /** True when nothing but whitespace, comments and semicolons is there: the server runs nothing. */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        int at = 0;
        while (true) {
            at = skipNoise(s, at);
            if (at >= s.length()) {
                return true;
            }
            if (s.charAt(at) != ';') {
                return false;
            }
            at++;
        }
    }

    private static boolean backslashEscapes(String s, int quote) {
        return quote > 0 && (s.charAt(quote - 1) == 'e' || s.charAt(quote - 1) == 'E') && !identifierBefore(s, quote - 1);
    }

    private static int afterQuote(String s, int from, char quote, boolean backslash) {
        int at = from;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (backslash && c == '\\') {
                at += 2;
            } else if (c == quote) {
                if (at + 1 < s.length() && s.charAt(at + 1) == quote) {
                    at += 2;
                } else {
                    return at + 1;
                }
            } else {
                at++;
            }
        }
        return s.length();
    }

    private static boolean identifierBefore(String s, int i) {
        if (i == 0) {
            return false;
        }
        char before = s.charAt(i - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '$';
    }
}
