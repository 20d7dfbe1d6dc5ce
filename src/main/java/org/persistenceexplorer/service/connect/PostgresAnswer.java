package org.persistenceexplorer.service.connect;

/**
 * What a PostgreSQL Test reached, or why it failed, in plain words. Immutable.
 *
 * @param version       the server's version string, e.g. "15.20"
 * @param replica       true when the server answered {@code pg_is_in_recovery()} with true
 * @param answeredBy    host:port of the server that answered (the one pgjdbc chose from the URL)
 * @param problem       what went wrong, or blank when the server was reached
 */
public record PostgresAnswer(boolean reached, String version, int versionNumber, boolean replica, String answeredBy,
                             String problem) {

    static PostgresAnswer failed(String problem) {
        return new PostgresAnswer(false, "", 0, false, "", problem);
    }

    /** One line for the dialog: "PostgreSQL 15.20 at 127.0.0.1:5433: a replica (read-only, in recovery)". */
    public String summary() {
        if (!reached) {
            return problem;
        }
        return "PostgreSQL " + version + " at " + answeredBy + ": "
                + (replica ? "a replica (in recovery, read-only)" : "the primary (accepts writes)");
    }
}
