package org.persistenceexplorer.ui.log;

import java.util.Locale;

/**
 * One line of projector mode's log: the statements of one action with the same shape (literals
 * and parameters stripped), with their kind and how many ran. Immutable.
 *
 * @param kind    the statements' kind ("SELECT", "TX", "READ"…)
 * @param action  the action that ran them
 * @param shape   the shape in readable form ({@link ShapeText#readable})
 * @param count   executions (a batch of 1,000 counts 1,000)
 * @param failed  true for the group of the shape's failed executions
 */
public record ShapeRow(String kind, String action, String shape, long count, boolean failed) {

    /** The Count cell: "×100". */
    public String times() {
        return String.format(Locale.ROOT, "×%,d", count);
    }

    /** True if every word of the filter appears in the kind, action or shape. */
    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String searchable = (kind + " " + action + " " + shape).toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!searchable.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
