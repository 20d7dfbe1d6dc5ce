package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.persistenceexplorer.domain.statement.QueryShape;
import org.persistenceexplorer.domain.statement.ServerStatementReading;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL's own statement count for the app (pg_stat_statements), for the live
 * reconciliation with the statement log. It reads through a dedicated connection of its own,
 * outside the pool and outside the capture, with its own application_name; every statement it
 * sends starts with {@link #MARK}, and the count leaves out every pg_stat_statements entry whose
 * text starts with it. So reading the count does not change the count, and nothing needs
 * subtracting. The count is the app's user on the app's database, top-level statements only
 * (pg_stat_statements groups per user, database and query shape; it cannot tell sessions apart,
 * so another client with the same user counts too: {@link ServerStatementReading#otherClients()}
 * names them).
 *
 * <p>{@link #mark()} starts a window: it resets pg_stat_statements where the user may, and
 * remembers the counts at that moment either way (an external server's other entries are not
 * ours to wipe if the reset is refused). Readings are relative to the mark. The server's start
 * time and pg_stat_statements' reset time are remembered too: a restart after a crash or someone
 * else's reset loses the server's counts, and the reading says so instead of a false difference.
 *
 * <p>Blocking (call off the FX thread); thread-safe (one caller at a time).
 */
public final class ServerStatementCounts implements AutoCloseable {

    /** Starts every statement this class sends; entries with this text are not the app's. */
    public static final String MARK = "/* pe-reconciliation */";
    static final String APPLICATION_NAME = SqlDatabase.APPLICATION_NAME + " (reconciliation)";

    private static final String OWN_FILTER = " s.toplevel AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND s.userid = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
            + " AND s.query NOT LIKE '" + MARK + "%'";
    private static final String TOTALS = MARK + " SELECT (SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s WHERE"
            + OWN_FILTER + "), (SELECT stats_reset FROM pg_stat_statements_info), pg_postmaster_start_time()";
    private static final String SHAPES = MARK + " SELECT s.query, s.calls FROM pg_stat_statements s WHERE" + OWN_FILTER;
    private static final String OTHER_CLIENTS = MARK + " SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local'),"
            + " pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"
            + " AND pid <> pg_backend_pid() AND application_name NOT LIKE '" + SqlDatabase.APPLICATION_NAME + "%' ORDER BY pid";
    private static final String RESET = MARK + " SELECT pg_stat_statements_reset()";
    private static final String CREATE = MARK + " CREATE EXTENSION IF NOT EXISTS pg_stat_statements";

    private final PGSimpleDataSource source;
    private final boolean ownServer;
    private Connection connection;
    private Window window;

    /**
     * @param ownServer the app's embedded server: the class may create the extension there
     */
    public ServerStatementCounts(PostgresEndpoint endpoint, boolean ownServer) {
        this.ownServer = ownServer;
        this.source = SqlDatabase.physical(endpoint, new PGSimpleDataSource());
        source.setApplicationName(APPLICATION_NAME);
        source.setSocketTimeout(10);
    }

    /**
     * Starts a new window now. Resets pg_stat_statements if the user may (the embedded server
     * always), else remembers the current counts as the baseline. Never throws: a server
     * without pg_stat_statements just has no window, and readings say so.
     */
    public synchronized void mark() {
        try {
            Connection c = connection();
            if (ownServer) {
                try (Statement s = c.createStatement()) {
                    s.execute(CREATE);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute(RESET);
            } catch (PSQLException e) {
                // not allowed to reset (an external server): count from the current values instead
            }
            Totals totals = totals(c);
            window = new Window(totals, shapes(c));
        } catch (SQLException e) {
            window = null;
            dropConnection();
        }
    }

    /** The count since the mark; with {@code details}, also per shape and the other clients. */
    public synchronized ServerStatementReading read(boolean details) {
        ServerStatementReading reading = readOnce(details);
        // A connection that broke since the last read (the server restarted): once more on a new one.
        return reading.available() || connection != null ? reading : readOnce(details);
    }

    private ServerStatementReading readOnce(boolean details) {
        try {
            Connection c = connection();
            Totals now = totals(c);
            if (window == null) {
                return ServerStatementReading.unavailable("no count since the last reset");
            }
            if (!Objects.equals(now.serverStarted, window.start.serverStarted)) {
                return ServerStatementReading.lost("The server restarted at " + now.serverStarted
                        + " and lost its counts; Clear + reset counters compares again from then on.");
            }
            if (!Objects.equals(now.statsReset, window.start.statsReset)) {
                return ServerStatementReading.lost("pg_stat_statements was reset at " + now.statsReset
                        + " by someone else; Clear + reset counters compares again from then on.");
            }
            Map<String, Long> shapes = Map.of();
            List<String> others = List.of();
            if (details) {
                shapes = new HashMap<>(shapes(c));
                for (Map.Entry<String, Long> before : window.shapes.entrySet()) {
                    shapes.merge(before.getKey(), -before.getValue(), Long::sum);
                }
                shapes.values().removeIf(calls -> calls == 0);
                others = otherClients(c);
            }
            return new ServerStatementReading(true, "", now.calls - window.start.calls, false, shapes, others);
        } catch (SQLException e) {
            dropConnection();
            return ServerStatementReading.unavailable(reason(e));
        }
    }

    private static String reason(SQLException e) {
        String state = e.getSQLState();
        if ("42P01".equals(state) || "42883".equals(state)) {
            return "This server has no pg_stat_statements extension, so it keeps no statement count to compare with.";
        }
        if ("55000".equals(state)) {
            return "pg_stat_statements is not loaded on this server (shared_preload_libraries), so it keeps no count.";
        }
        return "The server's statement count cannot be read: " + e.getMessage();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = source.getConnection();
        }
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // broken anyway
            }
            connection = null;
        }
    }

    private static Totals totals(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TOTALS)) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3));
        }
    }

    private static Map<String, Long> shapes(Connection c) throws SQLException {
        Map<String, Long> shapes = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SHAPES)) {
            while (rs.next()) {
                shapes.merge(QueryShape.of(rs.getString(1)), rs.getLong(2), Long::sum);
            }
        }
        return shapes;
    }

    private static List<String> otherClients(Connection c) throws SQLException {
        List<String> others = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OTHER_CLIENTS)) {
            while (rs.next()) {
                others.add(rs.getString(1) + " (pid " + rs.getInt(2) + ")");
            }
        }
        return others;
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }

    private record Totals(long calls, Timestamp statsReset, Timestamp serverStarted) {
    }

    private record Window(Totals start, Map<String, Long> shapes) {
    }
}
