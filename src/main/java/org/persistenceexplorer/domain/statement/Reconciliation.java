package org.persistenceexplorer.domain.statement;

import java.util.List;

/**
 * The app's captured PostgreSQL count beside the server's own count over the same window.
 * Immutable.
 *
 * @param state        what the comparison found
 * @param captured     successful PostgreSQL executions in the statement log since the mark
 * @param server       executions pg_stat_statements counted since the mark
 * @param unexplained  where they differ, by statement shape: "+3 select ? (server only)", at most a few
 * @param otherClients other sessions on the same database, which may explain a difference
 * @param message      for UNAVAILABLE and COUNTS_LOST: why there is no comparison; else ""
 */
public record Reconciliation(State state, long captured, long server, List<String> unexplained,
                             List<String> otherClients, String message) {

    public Reconciliation {
        unexplained = List.copyOf(unexplained);
        otherClients = List.copyOf(otherClients);
    }

    /** What a comparison found. */
    public enum State {
        /** Both counts are equal. */
        EQUAL,
        /** The counts differ; see {@link #unexplained()}. */
        DIFFERENT,
        /** Statements were running while counting: no fair comparison this time. */
        BUSY,
        /** The server keeps no count (no pg_stat_statements) or cannot be asked. */
        UNAVAILABLE,
        /** The server's counts were reset behind the app's back (restart after a crash). */
        COUNTS_LOST
    }

    public static Reconciliation busy() {
        return new Reconciliation(State.BUSY, 0, 0, List.of(), List.of(), "");
    }

    public static Reconciliation without(State state, String message) {
        return new Reconciliation(state, 0, 0, List.of(), List.of(), message);
    }
}
