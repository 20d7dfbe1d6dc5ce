package org.persistenceexplorer.store.engine;

/**
 * An engine could not be started or reached. The message is written for the user: what
 * happened and what to do, in a sentence or two, never a stack trace.
 */
public class EngineStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String remedy;

    public EngineStartException(String message, String remedy, Throwable cause) {
        super(message, cause);
        this.remedy = remedy;
    }

    /** What the user can do about it. */
    public String remedy() {
        return remedy;
    }
}
