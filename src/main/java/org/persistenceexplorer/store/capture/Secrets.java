package org.persistenceexplorer.store.capture;

import java.util.regex.Pattern;
import org.persistenceexplorer.domain.statement.SqlText;

/**
 * Masks passwords in statement text before anything records or shows it: SQL such as
 * {@code ALTER ROLE x PASSWORD 'secret'} and Cypher such as {@code SET PASSWORD 'secret'}.
 * Runs for every captured statement, so text without the word "password" (nearly all of it)
 * is answered by one allocation-free scan instead of the regular expressions. Thread-safe.
 */
public final class Secrets {

    public static final String MASK = "'***'";
    /** Every pattern below starts with this word (ASCII case-insensitive, as {@code (?i)} matches). */
    private static final String WORD = "password";

    /** Values a server inlines in its error texts: constraint details, and pgjdbc's failed-batch query. */
    private static final Pattern INLINED_ROW = Pattern.compile("(?i)(Failing row contains |Key \\([^)]*\\)=)\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    /** {@code scheme://user:secret@host}: the user-info part of a URL. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/@\\s]*@");

    private Secrets() {
    }

    /**
     * The text with every password literal replaced by {@link #MASK}: the literal after the word
     * in any quoting PostgreSQL or Cypher knows ({@code '...'}, {@code E'...'}, {@code "..."},
     * {@code $$...$$}, {@code $tag$...$tag$}, backslash escapes), also after comments or an
     * {@code =} between word and literal, and both literals of {@code PASSWORD FROM 'a' TO 'b'}.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        if (!mentionsPassword(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int at = nextWord(text, 0);
        while (at >= 0) {
            int i = at + WORD.length();
            boolean masked;
            do {
                masked = false;
                i = skipNoise(text, i);
                if (i < text.length() && text.charAt(i) == '=') {
                    i = skipNoise(text, i + 1);
                }
                int end = i < text.length() ? literalEnd(text, i) : i;
                if (end > i) {
                    out.append(text, copied, i).append(MASK);
                    copied = end;
                    i = skipNoise(text, end);
                    masked = true;
                }
                // FROM 'old' TO 'new' (Neo4j): go on after either keyword
                int keyword = keywordAt(text, i, "from", "to");
                if (keyword > 0) {
                    i += keyword;
                    masked = true;
                }
            } while (masked && i < text.length());
            at = nextWord(text, Math.max(copied, at + WORD.length()));
        }
        out.append(text, copied, text.length());
        return URL_PASSWORD.matcher(out.toString()).replaceAll("$1***");
    }

    /**
     * An error text for a statement whose parameters are hidden: besides password literals,
     * every quoted value and the values a server or driver inlines (PostgreSQL's
     * "Failing row contains (...)", "Key (...)=(...)", pgjdbc's failed batch entry with its
     * parameters) are masked, since they may be the hidden parameters.
     */
    public static String maskError(String error) {
        if (error == null) {
            return null;
        }
        String masked = INLINED_ROW.matcher(mask(error)).replaceAll("$1(***)");
        StringBuilder out = new StringBuilder(masked.length());
        int i = 0;
        while (i < masked.length()) {
            char c = masked.charAt(i);
            int end = c == '\'' || c == '$' || c == 'E' || c == 'e' ? literalEnd(masked, i) : i;
            if (end > i && !masked.startsWith(MASK, i) && (c != 'E' && c != 'e' || end > i + 1)) {
                out.append(MASK);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the literal starting at {@code i} ends, by the widest reading (SQL or Cypher escapes). */
    private static int literalEnd(String text, int i) {
        char c = text.charAt(i);
        if (c != '\'' && c != '"' && c != '$' && c != 'e' && c != 'E') {
            return i;
        }
        int sql = SqlText.skipQuoted(text, i);
        if (sql == i || c == '$' || c == 'e' || c == 'E') {
            return sql;
        }
        return Math.max(sql, backslashQuoteEnd(text, i));
    }

    /** Cypher strings: a backslash escapes the next character. */
    private static int backslashQuoteEnd(String text, int open) {
        char quote = text.charAt(open);
        int at = open + 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == quote) {
                return at + 1;
            } else {
                at++;
            }
        }
        return text.length();
    }

    /** Whitespace and comments, SQL's (nested block, {@code --}) and Cypher's ({@code //}). */
    private static int skipNoise(String text, int from) {
        int i = from;
        while (true) {
            int next = SqlText.skipNoise(text, i);
            if (text.startsWith("//", next)) {
                int end = text.indexOf('\n', next);
                next = end < 0 ? text.length() : end + 1;
            }
            if (next == i) {
                return i;
            }
            i = next;
        }
    }

    /** The keyword's length when one of them (ASCII case-insensitive, a whole word) is at {@code i}, else 0. */
    private static int keywordAt(String text, int i, String... keywords) {
        for (String keyword : keywords) {
            if (text.regionMatches(true, i, keyword, 0, keyword.length())
                    && (i + keyword.length() == text.length() || !Character.isLetterOrDigit(text.charAt(i + keyword.length())))) {
                return keyword.length();
            }
        }
        return 0;
    }

    private static int nextWord(String text, int from) {
        int last = text.length() - WORD.length();
        for (int at = from; at <= last; at++) {
            if (wordAt(text, at)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * A connection URL safe to show: a {@code password=} parameter and any
     * {@code user:password@} part masked.
     */
    public static String maskUrl(String url) {
        return url == null ? null : URL_USER_INFO.matcher(mask(url)).replaceAll("$1***@");
    }

    /** True if the text mentions a password at all, so its bound parameters must be hidden too. */
    public static boolean mentionsPassword(String text) {
        if (text == null) {
            return false;
        }
        return nextWord(text, 0) >= 0;
    }

    /**
     * ASCII case-insensitive, like the patterns' {@code (?i)}. The same answers as the earlier
     * {@code toLowerCase(Locale.ROOT).contains("password")}: no non-ASCII character lower-cases
     * to one of the word's letters.
     */
    private static boolean wordAt(String text, int at) {
        for (int i = 0; i < WORD.length(); i++) {
            char c = text.charAt(at + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != WORD.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
