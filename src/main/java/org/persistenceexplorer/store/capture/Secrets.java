package org.persistenceexplorer.store.capture;

import java.util.regex.Pattern;

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

    private static final String LITERAL = "('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")";
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(password\\s*(?:=\\s*)?)" + LITERAL);
    /** Neo4j: {@code ALTER CURRENT USER SET PASSWORD FROM 'old' TO 'new'}. */
    private static final Pattern PASSWORD_CHANGE =
            Pattern.compile("(?i)(password\\s+from\\s*)" + LITERAL + "(\\s*to\\s*)" + LITERAL);
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");
    /** {@code scheme://user:secret@host}: the user-info part of a URL. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/@\\s]*@");

    private Secrets() {
    }

    /** The text with every password literal replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        if (!mentionsPassword(text)) {
            return text;
        }
        String masked = PASSWORD_CHANGE.matcher(text).replaceAll("$1" + MASK + "$3" + MASK);
        masked = PASSWORD_LITERAL.matcher(masked).replaceAll("$1" + MASK);
        return URL_PASSWORD.matcher(masked).replaceAll("$1***");
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
        int last = text.length() - WORD.length();
        for (int at = 0; at <= last; at++) {
            if (wordAt(text, at)) {
                return true;
            }
        }
        return false;
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
