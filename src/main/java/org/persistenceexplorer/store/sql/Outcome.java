package org.persistenceexplorer.store.sql;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * What the server did with a statement, told from what the driver returned or threw: success is
 * decided by the server, not by JDBC. {@code executeQuery} on an UPDATE (SQLState 02000) and
 * {@code executeUpdate} on a SELECT (0100E) ran, and committed, on the server; pgjdbc only
 * complains afterwards. An error with the server's message failed there; a driver error without
 * one (a parameter not set, a savepoint already released) never left the client, except for
 * connection failures (08...), where nobody can tell. Immutable.
 *
 * @param ranOnServer   the server executed it (and counts it in pg_stat_statements)
 * @param reachedServer it was sent, or it is unknown whether it was: worth an error row
 * @param error         the error to record, or null for a success
 */
record Outcome(boolean ranOnServer, boolean reachedServer, String error) {

    private static final String NO_DATA = "02000";
    private static final String TOO_MANY_RESULTS = "0100E";

    static Outcome of(Throwable thrown) {
        if (thrown == null) {
            return new Outcome(true, true, null);
        }
        String message = SqlCaptureListener.describe(thrown);
        if (thrown instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return new Outcome(false, true, message);
        }
        String state = thrown instanceof SQLException sql ? sql.getSQLState() : null;
        if (NO_DATA.equals(state) || TOO_MANY_RESULTS.equals(state)) {
            return new Outcome(true, true, null);
        }
        boolean unknown = state == null || state.startsWith("08");
        return new Outcome(false, unknown, message);
    }
}
