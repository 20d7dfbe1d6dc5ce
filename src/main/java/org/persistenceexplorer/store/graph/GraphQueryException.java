package org.persistenceexplorer.store.graph;

/**
 * A Cypher statement failed: the server rejected it (syntax, constraint, access mode), the
 * connection broke, or it ran past its time limit. The message is the server's own words,
 * prefixed with what happened; {@link #code()} is Neo4j's status code where there is one
 * (e.g. {@code Neo.ClientError.Statement.SyntaxError}). The statement is already in the log.
 */
public class GraphQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public GraphQueryException(String message, String code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Neo4j's status code, or null when the failure did not come from the server. */
    public String code() {
        return code;
    }
}
