package org.persistenceexplorer.service.engine;

/**
 * Work refused at once because its engine is lost and being brought back: the message says
 * what happened and what the app is doing about it, ready to show to the user. Waiting for a
 * timeout would tell them less, later.
 */
public final class EngineUnavailableException extends IllegalStateException {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
