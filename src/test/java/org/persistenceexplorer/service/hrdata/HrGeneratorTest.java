package org.persistenceexplorer.service.hrdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The generator on the real embedded PostgreSQL, into a scratch schema migrated with the hr
 * track (the shared hr sample stays as it is): what it writes, that the log sees each COPY with
 * its rows, that the same size gives the shipped sample, and that a cancel changes nothing.
 */
class HrGeneratorTest {

    private static final String SCHEMA = "hr_generated";
    private static DataSource pool;
    private static HrGenerator generator;

    @BeforeAll
    static void migrateScratchSchema() {
        pool = TestEngines.sql().database().dataSource();
        new Migrations(pool).migrate(new MigrationTrack("hr", SCHEMA));
        generator = new HrGenerator(() -> pool);
    }

    @Test
    void writesTheWholeCompanyWithOneCopyPerTableAndMovesTheIdentitiesOn() throws Exception {
        GeneratedHr generated;
        try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "generate");
             Cancellation.Scope scope = new Cancellation().enter(recorded.action())) {
            generated = generator.generate(SCHEMA, 2_000, Progress.NONE);
            List<CapturedStatement> copies = recorded.matching(s -> s.text().startsWith("COPY"));
            assertThat(copies).extracting(s -> s.text().split(" ")[1]).containsExactly(
                    SCHEMA + ".department", SCHEMA + ".employee", SCHEMA + ".project", SCHEMA + ".employee_project");
            assertThat(copies).extracting(CapturedStatement::rows).containsExactly(
                    (long) generated.company().departments(), 2_000L, (long) generated.company().projects(),
                    (long) generated.company().assignments());
            assertThat(copies).allMatch(CapturedStatement::succeeded);
            assertThat(recorded.matching(s -> s.text().equals("COMMIT"))).hasSize(1);
        }
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".employee")).isEqualTo(2_000);
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".employee_project")).isEqualTo(generated.company().assignments());
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".employee WHERE manager_id IS NULL")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".employee WHERE manager_id >= id")).isZero();
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".department WHERE budget <= 0")).isZero();
        // the planner knows the new size at once (ANALYZE ran)
        assertThat(number("SELECT reltuples::bigint FROM pg_class WHERE oid = '" + SCHEMA + ".employee'::regclass"))
                .isEqualTo(2_000);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet id = s.executeQuery("INSERT INTO " + SCHEMA + ".employee (name, email, title, salary, hired_on) "
                    + "VALUES ('New Person', 'new.person@example.com', 'Intern', 1000, current_date) RETURNING id")) {
                id.next();
                assertThat(id.getLong(1)).isEqualTo(2_001);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void threeHundredEmployeesAreExactlyTheShippedSample() throws Exception {
        generator.generate(SCHEMA, HrCompany.SAMPLE_EMPLOYEES, Progress.NONE);
        for (String table : List.of("department", "employee", "project", "employee_project")) {
            String rows = "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM (SELECT %s FROM %s.%s) t";
            String columns = table.equals("employee")
                    ? "id, name, email, title, salary, hired_on, department_id, manager_id"
                    : table.equals("department") ? "id, name, budget, created_at" : "*";
            assertThat(text(rows.formatted(columns, SCHEMA, table))).as(table)
                    .isEqualTo(text(rows.formatted(columns, "hr", table)));
        }
    }

    @Test
    void aCancelStopsTheCopyOnTheServerAndLeavesThePreviousRows() throws Exception {
        generator.generate(SCHEMA, 1_000, Progress.NONE);
        Cancellation cancellation = new Cancellation();
        CompletableFuture<GeneratedHr> run = CompletableFuture.supplyAsync(() -> {
            try (Cancellation.Scope scope = cancellation.enter("generate: cancel test")) {
                return generator.generate(SCHEMA, 300_000, (fraction, message) -> {
                    if (message.startsWith("Writing employees")) {
                        cancellation.cancel();
                    }
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        assertThat(number("SELECT count(*) FROM " + SCHEMA + ".employee")).isEqualTo(1_000);
        assertThat(number("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY " + SCHEMA + "%' AND state = 'active'"))
                .isZero();
    }

    @Test
    void refusesANameThatIsNotASchemaAndASchemaWithoutTheHrTables() throws Exception {
        assertThatThrownBy(() -> generator.generate("hr; drop table x", 1_000, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a schema name");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS hr_generated_empty");
        }
        assertThatThrownBy(() -> generator.generate("hr_generated_empty", 1_000, Progress.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no table department");
        assertThatThrownBy(() -> generator.generate(SCHEMA, 10, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 60");
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
