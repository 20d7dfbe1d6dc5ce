package org.persistenceexplorer.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.sql.SqlDatabase;

/**
 * What PostgreSQL itself says it executed, from pg_stat_statements (preloaded by the embedded
 * server). The statements this class runs to ask are excluded from the server's count, and it
 * runs them under its own action so tests can leave them out of the app's count too.
 */
public final class ServerStatementCount {

    public static final String ACTION = "test: read pg_stat_statements";
    private final SqlDatabase database;

    public ServerStatementCount(SqlDatabase database) {
        this.database = database;
    }

    /** Forgets everything the server counted so far. */
    public void reset() throws SQLException {
        try (WorkContext.Scope ignored = WorkContext.enter(ACTION);
             Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Top-level statements the server executed in this database since the reset, excluding our own queries. */
    public long executedSinceReset() throws SQLException {
        try (WorkContext.Scope ignored = WorkContext.enter(ACTION);
             Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                     + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                     + "AND query NOT ILIKE '%pg_stat_statements%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the server counted, one "calls x query" line per statement, for failure messages. */
    public String describe() throws SQLException {
        StringBuilder lines = new StringBuilder();
        try (WorkContext.Scope ignored = WorkContext.enter(ACTION);
             Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, query FROM pg_stat_statements "
                     + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                     + "AND query NOT ILIKE '%pg_stat_statements%' ORDER BY query")) {
            while (rs.next()) {
                lines.append('\n').append(rs.getLong(1)).append(" x ").append(rs.getString(2));
            }
        }
        return lines.toString();
    }
}
