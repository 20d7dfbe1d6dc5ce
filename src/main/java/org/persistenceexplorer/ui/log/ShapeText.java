package org.persistenceexplorer.ui.log;

import java.util.regex.Pattern;

/**
 * A statement shape ({@link org.persistenceexplorer.domain.statement.QueryShape}) made short
 * enough to read from the back of a room: a SELECT's column list becomes "…" and Hibernate's
 * generated table aliases ({@code e1_0}) are dropped, so 100 lazy loads read
 * {@code select … from lab.employee where department_id=?}. Stateless; thread-safe.
 */
final class ShapeText {

    static final int MAX = 200;
    /** Hibernate 6's aliases: a few letters, the table's number, "_", the join's number (e1_0, ep1_0). */
    private static final Pattern ALIAS_USE = Pattern.compile("\\b[a-z]{1,4}\\d+_\\d+\\.");
    private static final Pattern ALIAS_DEFINITION = Pattern.compile(" [a-z]{1,4}\\d+_\\d+\\b");

    private ShapeText() {
    }

    /** The readable form of a shape. */
    static String readable(String shape) {
        String text = collapseSelectList(shape);
        text = ALIAS_USE.matcher(text).replaceAll("");
        text = ALIAS_DEFINITION.matcher(text).replaceAll("");
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    /** "select a,b,c from t …" -> "select … from t …"; the FROM must be outside parentheses. */
    private static String collapseSelectList(String shape) {
        String prefix = shape.startsWith("select distinct ") ? "select distinct " : shape.startsWith("select ") ? "select " : null;
        if (prefix == null) {
            return shape;
        }
        int depth = 0;
        for (int i = prefix.length(); i < shape.length(); i++) {
            char c = shape.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ' ' && shape.startsWith(" from ", i)) {
                return prefix + "…" + shape.substring(i);
            }
        }
        return shape;
    }
}
