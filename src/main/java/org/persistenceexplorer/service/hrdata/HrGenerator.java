package org.persistenceexplorer.service.hrdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.postgresql.PGConnection;

/**
 * Replaces the people of a schema in the HR track's shape (department, employee, project,
 * employee_project) with a generated company of any size ({@link HrCompany}): 10,000, 100,000
 * or a million employees for performance work.
 *
 * <p>One transaction: the four tables are emptied with {@code TRUNCATE} and refilled with one
 * {@code COPY} per table (pgjdbc's CopyManager on the captured connection, so each COPY is one
 * record in the statement log with its row count), then the department budgets are set, the
 * identity columns are moved past the generated ids and the tables are analysed so the
 * planner's row estimates are right. Cancelling stops the running COPY on the server and rolls
 * everything back: the previous rows are still there. Memory stays flat: rows are streamed to
 * the server as they are made. {@code TRUNCATE} locks the tables until the commit, so other
 * readers of the schema wait meanwhile.
 *
 * <p>Blocking; call off the FX thread, inside the task's cancellation scope.
 */
public final class HrGenerator {

    /** The sizes the UI offers. */
    public static final List<Integer> SIZES = List.of(10_000, 100_000, 1_000_000);

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final List<String> TABLES = List.of("department", "employee", "project", "employee_project");

    private final Supplier<DataSource> dataSource;

    /** @param dataSource the app's captured pool (a supplier: the pool exists once the engine is up) */
    public HrGenerator(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Replaces the rows of {@code schema}'s HR tables with a company of {@code employees}.
     *
     * @throws IllegalArgumentException a schema name that is not a plain lower-case identifier, or
     *                                  fewer than {@link HrCompany#MIN_EMPLOYEES} employees
     * @throws IllegalStateException    the schema lacks one of the HR tables (says which)
     * @throws CancellationException    the work was cancelled; nothing changed
     * @throws SQLException             the server refused; nothing changed
     */
    public GeneratedHr generate(String schema, int employees, Progress progress) throws SQLException {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("\"" + schema + "\" is not a schema name the generator writes to "
                    + "(lower-case letters, digits and _).");
        }
        HrCompany company = new HrCompany(employees);
        long start = System.nanoTime();
        try (Connection c = dataSource.get().getConnection()) {
            requireTables(c, schema);
            c.setAutoCommit(false);
            try {
                HrCompany.Summary summary = fill(c, schema, company, employees, progress);
                progress.update(0.97, "Committing " + String.format("%,d", employees) + " employees");
                c.commit();
                progress.update(1, "Generated " + String.format("%,d", employees) + " employees");
                return new GeneratedHr(schema, summary, Duration.ofNanos(System.nanoTime() - start));
            } catch (Exception e) {
                rollbackQuietly(c);
                throw rethrown(e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private HrCompany.Summary fill(Connection c, String schema, HrCompany company, int employees, Progress progress)
            throws Exception {
        progress.update(0, "Emptying " + schema + "'s HR tables");
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + schema + ".employee_project, " + schema + ".project, " + schema + ".employee, "
                    + schema + ".department");
        }
        CopyRows rows = new CopyRows(c.unwrap(PGConnection.class).getCopyAPI(), schema, employees, progress);
        HrCompany.Summary summary;
        try {
            summary = company.write(rows);
            rows.finish();
        } catch (Exception e) {
            rows.abandon();
            throw e;
        }
        progress.update(0.9, "Setting budgets and identities, analysing");
        try (PreparedStatement budget = c.prepareStatement(
                "UPDATE " + schema + ".department d SET budget = b.budget "
                        + "FROM unnest(?::bigint[], ?::numeric[]) AS b(id, budget) WHERE d.id = b.id")) {
            long[] budgets = rows.budgets();
            Long[] ids = new Long[budgets.length];
            Long[] amounts = new Long[budgets.length];
            for (int i = 0; i < budgets.length; i++) {
                ids[i] = (long) i + 1;
                amounts[i] = budgets[i];
            }
            budget.setArray(1, c.createArrayOf("bigint", ids));
            budget.setArray(2, c.createArrayOf("numeric", amounts));
            budget.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + schema + ".department ALTER COLUMN id RESTART WITH " + (summary.departments() + 1));
            s.execute("ALTER TABLE " + schema + ".employee ALTER COLUMN id RESTART WITH " + (summary.employees() + 1));
            s.execute("ALTER TABLE " + schema + ".project ALTER COLUMN id RESTART WITH " + (summary.projects() + 1));
            s.execute("ANALYZE " + String.join(", ", TABLES.stream().map(t -> schema + "." + t).toList()));
        }
        return summary;
    }

    private static void requireTables(Connection c, String schema) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT t FROM unnest(?::text[]) AS t WHERE to_regclass(quote_ident(?) || '.' || t) IS NULL")) {
            p.setArray(1, c.createArrayOf("text", TABLES.toArray()));
            p.setString(2, schema);
            try (ResultSet missing = p.executeQuery()) {
                if (missing.next()) {
                    throw new IllegalStateException("Schema \"" + schema + "\" has no table " + missing.getString(1)
                            + ": the generator fills a schema migrated with the hr track.");
                }
            }
        }
    }

    private static RuntimeException rethrown(Exception e) throws SQLException {
        if (WorkContext.cancelled()) {
            CancellationException cancelled = new CancellationException("Generating was cancelled; nothing changed.");
            cancelled.initCause(e);
            throw cancelled;
        }
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new SQLException(e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it and the server rolls back on its own
        }
    }
}
