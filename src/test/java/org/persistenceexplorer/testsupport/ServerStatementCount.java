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

    /** The app's successful executions among what a test saw, leaving out this class's own reads. */
    public static long appExecutions(java.util.Collection<org.persistenceexplorer.domain.statement.CapturedStatement> seen) {
        return seen.stream().filter(org.persistenceexplorer.domain.statement.CapturedStatement::succeeded)
                .filter(s -> !ACTION.equals(s.action()))
                .mapToLong(org.persistenceexplorer.domain.statement.CapturedStatement::executions).sum();
    }

    /** Asserts the app counted what the server executed since the reset; the message lists both sides. */
    public void assertAppCountMatches(java.util.Collection<org.persistenceexplorer.domain.statement.CapturedStatement> seen)
            throws SQLException {
        org.assertj.core.api.Assertions.assertThat(appExecutions(seen))
                .as("app vs pg_stat_statements:%s%napp:%s", describe(), seen.stream()
                        .map(s -> "\n" + s.executions() + " x " + s.text() + (s.succeeded() ? "" : " (failed)")).toList())
                .isEqualTo(executedSinceReset());
    }

    /** True while a statement containing the marker runs on the server (another session than the asking one). */
    public boolean running(String marker) {
        try (Connection c = database.connection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE ?")) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
