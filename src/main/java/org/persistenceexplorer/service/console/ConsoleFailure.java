package org.persistenceexplorer.service.console;

/**
 * A console statement that did not run to its end, in plain words: the server's message (with
 * detail and hint), where in the script the server says the problem is, and why it stopped.
 * The app and the data are fine after it: whatever the statement began is rolled back.
 */
public final class ConsoleFailure extends Exception {

    /** Why a statement stopped. */
    public enum Reason {
        /** The engine refused it (syntax, unknown name, constraint, ...). */
        ERROR,
        /** The user cancelled it; it was stopped on the server. */
        CANCELLED,
        /** It ran longer than the run's time limit and was stopped on the server. */
        TIMEOUT,
        /** A write on an external server, which the console runs read-only until the user agrees. */
        NEEDS_CONFIRMATION,
        /** Input the console refuses to send (too long, too deeply nested). */
        REFUSED
    }

    private final Reason reason;
    private final int scriptOffset;
    private final String code;

    /**
     * @param scriptOffset where in the editor's text the server marks the problem, or -1
     * @param code         the engine's error code (SQLState, Neo4j status code), or ""
     */
    public ConsoleFailure(Reason reason, String message, int scriptOffset, String code, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.scriptOffset = scriptOffset;
        this.code = code == null ? "" : code;
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the editor's text the problem is, or -1 when the engine did not say. */
    public int scriptOffset() {
        return scriptOffset;
    }

    public String code() {
        return code;
    }
}
