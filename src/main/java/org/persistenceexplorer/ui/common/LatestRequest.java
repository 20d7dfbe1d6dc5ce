package org.persistenceexplorer.ui.common;

/**
 * Drops results the user no longer wants: each new request gets a number, and a result is
 * applied only if its number is still the latest. One per view-model; FX thread only.
 */
public final class LatestRequest {

    private long latest;

    /** Starts a new request; earlier ones become stale. */
    public long next() {
        return ++latest;
    }

    public boolean isLatest(long request) {
        return request == latest;
    }
}
