package org.persistenceexplorer.store.capture;

import java.util.regex.Pattern;

/**
 * Masks passwords in statement text before anything records or shows it: SQL such as
 * {@code ALTER ROLE x PASSWORD 'secret'} and Cypher such as {@code SET PASSWORD 'secret'}.
 */
public final class Secrets {

    public static final String MASK = "'***'";

    private static final String LITERAL = "('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")";
    private static final Pattern PASSWORD_LITERAL = Pattern.compile("(?i)(password\\s*(?:=\\s*)?)" + LITERAL);
    /** Neo4j: {@code ALTER CURRENT USER SET PASSWORD FROM 'old' TO 'new'}. */
    private static final Pattern PASSWORD_CHANGE =
            Pattern.compile("(?i)(password\\s+from\\s*)" + LITERAL + "(\\s*to\\s*)" + LITERAL);
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private Secrets() {
    }

    /** The text with every password literal replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_CHANGE.matcher(text).replaceAll("$1" + MASK + "$3" + MASK);
        masked = PASSWORD_LITERAL.matcher(masked).replaceAll("$1" + MASK);
        return URL_PASSWORD.matcher(masked).replaceAll("$1***");
    }

    /** True if the text mentions a password at all, so its bound parameters must be hidden too. */
    public static boolean mentionsPassword(String text) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains("password");
    }
}
