package org.persistenceexplorer.service.txlab;

/** How a run of an anomaly script ended up: the anomaly happened, or the way it was kept out. */
public enum Prevention {
    /** The anomaly happened. */
    OCCURRED,
    /** A statement waited for the other transaction's lock until that one ended; then all was consistent. */
    BLOCKED,
    /** The server aborted a transaction (40001 serialization failure or 40P01 deadlock). */
    ABORTED,
    /** Nothing waited or failed: the reads simply never showed it (committed data only, or a snapshot). */
    NOT_OBSERVABLE
}
