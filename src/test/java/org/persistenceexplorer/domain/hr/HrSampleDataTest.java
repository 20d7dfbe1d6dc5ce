package org.persistenceexplorer.domain.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The shape of the shipped HR sample data (migration V2), checked with SQL on the migrated
 * embedded database: one CEO, a management tree without cycles and with spans of 5 to 9,
 * unique emails, people in every department. Reads only, except one insert that is rolled back.
 */
class HrSampleDataTest {

    private static final Path GENERATOR = Path.of("sample-data/generators/HrSampleData.java");
    private static final Path SCRIPT = Path.of("sample-data/migrations/hr/V2__hr_sample_data.sql");

    @Test
    void hasThreeHundredEmployeesInEightDepartments() throws SQLException {
        assertThat(number("SELECT count(*) FROM hr.employee")).isEqualTo(300);
        assertThat(number("SELECT count(*) FROM hr.department")).isEqualTo(8);
        assertThat(number("SELECT count(*) FROM hr.department WHERE name = 'Executive'")).isEqualTo(1);
        assertThat(number("SELECT count(*) FROM hr.project")).isEqualTo(20);
    }

    @Test
    void exactlyOneEmployeeHasNoManagerAndThatIsTheChiefExecutive() throws SQLException {
        assertThat(strings("SELECT e.title || ' / ' || d.name FROM hr.employee e JOIN hr.department d ON d.id = e.department_id "
                + "WHERE e.manager_id IS NULL"))
                .containsExactly("Chief Executive Officer / Executive");
    }

    @Test
    void everyDepartmentHeadIsAVicePresidentReportingToTheChiefExecutive() throws SQLException {
        assertThat(strings("SELECT d.name FROM hr.department d WHERE d.name <> 'Executive' AND NOT EXISTS ("
                + " SELECT 1 FROM hr.employee vp JOIN hr.employee ceo ON ceo.id = vp.manager_id"
                + " WHERE ceo.manager_id IS NULL AND vp.department_id = d.id AND vp.title LIKE 'VP of %')"))
                .isEmpty();
        // below the VPs, people report within their own department
        assertThat(number("SELECT count(*) FROM hr.employee e JOIN hr.employee m ON m.id = e.manager_id "
                + "WHERE m.manager_id IS NOT NULL AND e.department_id <> m.department_id")).isZero();
    }

    @Test
    void theManagementTreeHasNoCyclesAndReachesEveryone() throws SQLException {
        // walk up from every employee; PostgreSQL's CYCLE clause marks a path that comes back on itself
        assertThat(number("WITH RECURSIVE up(id, manager_id) AS ("
                + " SELECT id, manager_id FROM hr.employee"
                + " UNION ALL"
                + " SELECT up.id, m.manager_id FROM up JOIN hr.employee m ON m.id = up.manager_id"
                + ") CYCLE manager_id SET looped USING path "
                + "SELECT count(*) FROM up WHERE looped")).isZero();
        // walk down from the CEO: everyone is reached, each exactly once
        assertThat(number("WITH RECURSIVE down(id, depth) AS ("
                + " SELECT id, 0 FROM hr.employee WHERE manager_id IS NULL"
                + " UNION ALL"
                + " SELECT e.id, down.depth + 1 FROM hr.employee e JOIN down ON e.manager_id = down.id"
                + ") SELECT count(DISTINCT id) FROM down"))
                .isEqualTo(number("SELECT count(*) FROM hr.employee"));
    }

    @Test
    void everyManagerHasBetweenFiveAndNineDirectReports() throws SQLException {
        String spans = " FROM (SELECT manager_id, count(*) AS reports FROM hr.employee"
                + " WHERE manager_id IS NOT NULL GROUP BY manager_id) s";
        assertThat(number("SELECT min(reports)" + spans)).isGreaterThanOrEqualTo(5);
        assertThat(number("SELECT max(reports)" + spans)).isLessThanOrEqualTo(9);
        // people with "Manager" in their title really manage someone
        assertThat(number("SELECT count(*) FROM hr.employee m WHERE m.title LIKE '%Manager' "
                + "AND NOT EXISTS (SELECT 1 FROM hr.employee e WHERE e.manager_id = m.id)")).isZero();
    }

    @Test
    void emailsAreUniqueAndFollowTheFirstNameLastNamePattern() throws SQLException {
        assertThat(number("SELECT count(DISTINCT lower(email)) FROM hr.employee"))
                .isEqualTo(number("SELECT count(*) FROM hr.employee"));
        assertThat(strings("SELECT email FROM hr.employee WHERE email !~ '^[a-z]+\\.[a-z]+[0-9]*@example\\.com$'")).isEmpty();
    }

    @Test
    void everyDepartmentHasEmployeesAndStaffWorkOnAtMostThreeProjects() throws SQLException {
        assertThat(strings("SELECT name FROM hr.department d WHERE NOT EXISTS "
                + "(SELECT 1 FROM hr.employee e WHERE e.department_id = d.id)")).isEmpty();
        assertThat(number("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM hr.employee_project GROUP BY employee_id) p"))
                .isBetween(1L, 3L);
        assertThat(number("SELECT count(*) FROM hr.employee_project")).isGreaterThan(200);
    }

    @Test
    void salariesGrowWithTheLevel() throws SQLException {
        // average salary per depth in the tree falls from the CEO downwards
        List<String> averages = strings("WITH RECURSIVE down(id, depth) AS ("
                + " SELECT id, 0 FROM hr.employee WHERE manager_id IS NULL"
                + " UNION ALL SELECT e.id, down.depth + 1 FROM hr.employee e JOIN down ON e.manager_id = down.id) "
                + "SELECT round(avg(e.salary))::text FROM down JOIN hr.employee e USING (id) GROUP BY depth ORDER BY depth");
        List<Long> values = averages.stream().map(Long::parseLong).toList();
        assertThat(values).hasSizeGreaterThanOrEqualTo(4);
        assertThat(values).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void identitySequencesContinueAfterTheExplicitIds() throws SQLException {
        try (Connection c = TestEngines.sql().database().connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // without the restart these inserts would collide with the explicit ids (duplicate key)
                assertThat(single(s, "INSERT INTO hr.department (name, budget) VALUES ('Sequence check', 1) RETURNING id"))
                        .isGreaterThan(single(s, "SELECT max(id) FROM hr.department WHERE name <> 'Sequence check'"));
                assertThat(single(s, "INSERT INTO hr.project (name, started_on) VALUES ('Sequence check', current_date) RETURNING id"))
                        .isGreaterThan(single(s, "SELECT max(id) FROM hr.project WHERE name <> 'Sequence check'"));
                assertThat(single(s, "INSERT INTO hr.employee (name, email, title, salary, hired_on) "
                        + "VALUES ('Sequence Check', 'sequence.check@example.com', 'Tester', 1, current_date) RETURNING id"))
                        .isGreaterThan(single(s, "SELECT max(id) FROM hr.employee WHERE email <> 'sequence.check@example.com'"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void theGeneratorReproducesTheShippedScript() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The script needs the app's classes (HrCompany): this JVM's class path has them, whatever the build folder.
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                GENERATOR.toString(), "300")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String generated = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String shipped = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        assertThat(generated).as("regenerate with the command in the script's header").isEqualTo(shipped);
        assertThat(shipped.length()).isLessThan(1_000_000);
    }

    // ---- helpers

    private static long number(String sql) throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            return single(s, sql);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
