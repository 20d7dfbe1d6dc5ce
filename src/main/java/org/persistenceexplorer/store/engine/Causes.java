package org.persistenceexplorer.store.engine;

/**
 * Reading a failure's cause chain, for turning library exceptions into words for the user.
 * The one place that walks {@code getCause()}; safe on self-referencing chains.
 */
public final class Causes {

    private Causes() {
    }

    /** The innermost cause (the error itself when it has none). */
    public static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String rootMessage(Throwable error) {
        Throwable root = root(error);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** True if the error or any of its causes is a {@code type}. */
    public static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** True if the message of the error or of any of its causes contains {@code text}. */
    public static boolean anyMessageContains(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of a (possibly multi-line) message. */
    public static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
