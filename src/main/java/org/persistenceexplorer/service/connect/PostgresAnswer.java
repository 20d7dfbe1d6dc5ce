package org.persistenceexplorer.service.connect;

import java.util.List;

/**
 * What a PostgreSQL Test reached, or why it failed, in plain words. Immutable.
 *
 * @param version       the server's version string, e.g. "15.20"
 * @param replica       true when the server answered {@code pg_is_in_recovery()} with true
 * @param answeredBy    host:port of the server that answered (the one pgjdbc chose from the URL)
 * @param problem       what went wrong, or blank when the server was reached
 * @param eachHost      for a URL with several hosts, one line per host: what it is, or why it did not answer
 */
public record PostgresAnswer(boolean reached, String version, int versionNumber, boolean replica, String answeredBy,
                             String problem, List<String> eachHost) implements TestAnswer {

    public PostgresAnswer {
        eachHost = List.copyOf(eachHost);
    }

    static PostgresAnswer failed(String problem) {
        return new PostgresAnswer(false, "", 0, false, "", problem, List.of());
    }

    PostgresAnswer withEachHost(List<String> lines) {
        return new PostgresAnswer(reached, version, versionNumber, replica, answeredBy, problem, lines);
    }

    /** "15.18, the primary" / "15.18, a replica": what one server is, for the per-host lines. */
    String kind() {
        return "PostgreSQL " + version + ", " + (replica ? "a replica" : "the primary");
    }

    /** One line for the dialog: "PostgreSQL 15.20 at 127.0.0.1:5433: a replica (read-only, in recovery)". */
    public String summary() {
        if (!reached) {
            return problem;
        }
        String chosen = "PostgreSQL " + version + " at " + answeredBy + ": "
                + (replica ? "a replica (in recovery, read-only)" : "the primary (accepts writes)");
        return eachHost.isEmpty() ? chosen : chosen + ", the one the URL chose. Each host: " + String.join("; ", eachHost) + ".";
    }
}
