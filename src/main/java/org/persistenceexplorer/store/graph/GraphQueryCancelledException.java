package org.persistenceexplorer.store.graph;

/**
 * The work that ran a Cypher statement was cancelled, and the statement was stopped on the
 * server (its transaction terminated and rolled back) or never sent.
 */
public final class GraphQueryCancelledException extends GraphQueryException {

    private static final long serialVersionUID = 1L;

    public GraphQueryCancelledException(String message, String code, Throwable cause) {
        super(message, code, cause);
    }
}
