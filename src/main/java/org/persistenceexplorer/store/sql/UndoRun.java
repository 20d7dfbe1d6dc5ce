package org.persistenceexplorer.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;

/**
 * Goes back through a track's versions with its undo scripts, which Flyway's open edition
 * refuses to run: each script, newest first, then the removal of its version's history row, all
 * in one transaction (PostgreSQL's DDL is transactional), so a failing script leaves the schema
 * and the history as they were. Runs on the captured DataSource: the log shows every statement.
 * Blocking; call off the FX thread.
 */
public final class UndoRun {

    private final DataSource dataSource;

    public UndoRun(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param steps    newest version first
     * @param progress told the index of each step as it starts
     * @param check    looks at the schema before the commit; a problem it names rolls everything back
     * @throws UndoFailure naming the script that failed; nothing was changed
     */
    public void run(MigrationTrack track, List<UndoStep> steps, IntConsumer progress, BeforeCommit check)
            throws UndoFailure, SQLException {
        String schema = SqlNames.quote(track.schema());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + schema);
                }
                for (int i = 0; i < steps.size(); i++) {
                    UndoStep step = steps.get(i);
                    progress.accept(i);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(step.sql());
                    } catch (SQLException e) {
                        throw new UndoFailure(step, e);
                    }
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + schema + ".flyway_schema_history WHERE version = ?")) {
                        delete.setString(1, step.version());
                        delete.executeUpdate();
                    }
                }
                // Checked inside the transaction: an undo that does not restore the schema is rolled back.
                String problem = check.problem(CatalogSnapshots.read(connection, track.schema()));
                if (problem != null) {
                    throw new UndoFailure(steps.get(steps.size() - 1), problem);
                }
                connection.commit();
            } catch (UndoFailure | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * One undo script.
     *
     * @param version the version it takes away, e.g. "3"
     * @param script  its file name, e.g. "U3__move_tags.sql"
     */
    public record UndoStep(String version, String script, String sql) {
    }

    /** An undo script failed; the transaction was rolled back. */
    public static final class UndoFailure extends Exception {
        private final transient UndoStep step;

        UndoFailure(UndoStep step, SQLException cause) {
            super(step.script() + " failed: " + cause.getMessage(), cause);
            this.step = step;
        }

        UndoFailure(UndoStep step, String problem) {
            super(problem);
            this.step = step;
        }

        public UndoStep step() {
            return step;
        }

        public String sqlState() {
            return getCause() instanceof SQLException e ? e.getSQLState() : null;
        }
    }

    /** A last look at the schema the undo scripts left, before the commit. */
    @FunctionalInterface
    public interface BeforeCommit {
        /** Null when the schema is as it should be, else what is wrong, in plain words. */
        String problem(SchemaSnapshot actual);
    }
}
