package org.persistenceexplorer.domain.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL itself says it executed for the app's user and database since the app's
 * last mark (start or "Clear + reset counters"), from pg_stat_statements, leaving out the
 * reconciliation's own reads. Immutable.
 *
 * @param available     false when the server has no usable pg_stat_statements; then {@code reason} says why
 * @param reason        why there is no count, or ""
 * @param calls         top-level executions since the mark
 * @param countsLost    true when the server's counts were reset behind the app's back since the
 *                      mark (a server restart after a crash, or someone else's reset): {@code reason} says which
 * @param shapes        calls since the mark per statement shape ({@link QueryShape}); empty unless asked for
 * @param otherClients  other sessions on the app's database right now ("psql (pid 4711)"); empty unless asked for
 */
public record ServerStatementReading(boolean available, String reason, long calls, boolean countsLost,
                                     Map<String, Long> shapes, List<String> otherClients) {

    public ServerStatementReading {
        shapes = Map.copyOf(shapes);
        otherClients = List.copyOf(otherClients);
    }

    /** No count to show, and why. */
    public static ServerStatementReading unavailable(String reason) {
        return new ServerStatementReading(false, reason, 0, false, Map.of(), List.of());
    }

    /** The counts since the mark were lost, and how. */
    public static ServerStatementReading lost(String reason) {
        return new ServerStatementReading(true, reason, 0, true, Map.of(), List.of());
    }
}
