package org.persistenceexplorer.service.work;

/**
 * How background work reports how far it got. Implementations deliver updates to the UI at
 * their own pace; calling often is cheap. Thread-safe.
 */
public interface Progress {

    /** Progress that goes nowhere, for callers that show none. */
    Progress NONE = (fraction, message) -> { };

    /**
     * @param fraction 0..1, or a negative value when the amount of work is unknown
     * @param message  what is happening now, in the user's words
     */
    void update(double fraction, String message);
}
