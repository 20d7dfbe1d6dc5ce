package org.persistenceexplorer.service.orggraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/** The cross-store profile through the cache, on a company of its own (schema profile_test, ids from 950001). */
class PersonProfilesTest {

    private static final String SCHEMA = "profile_test";
    private final CypherRunner graph = TestEngines.graph().cypher();

    @BeforeAll
    static void createCompany() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        sql("CREATE SCHEMA " + SCHEMA);
        for (String table : List.of("department", "employee", "project", "employee_project")) {
            sql("CREATE TABLE " + SCHEMA + "." + table + " (LIKE hr." + table + " INCLUDING ALL)");
        }
        sql("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Research', 1000)");
        sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(950001, 'Ria Boss', 'ria@p', 'Chief Executive Officer', 250000, '2003-02-01', 1, NULL),"
                + "(950002, 'Sam Mid', 'sam@p', 'Research Manager', 150000, '2009-03-01', 1, 950001),"
                + "(950003, 'Tom Low', 'tom@p', 'Researcher', 80000.50, '2019-04-15', 1, 950002)");
        sql("INSERT INTO " + SCHEMA + ".project (id, name, department_id, started_on) VALUES "
                + "(1, 'Zeta', 1, '2020-01-01'), (2, 'Alpha', 1, '2021-01-01')");
        sql("INSERT INTO " + SCHEMA + ".employee_project (employee_id, project_id) VALUES (950003, 1), (950003, 2)");
        new OrgGraphImport(TestEngines.sql().database().dataSource(), TestEngines.graph().cypher(), SCHEMA, 500)
                .sync(Progress.NONE);
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        CypherRunner graph = TestEngines.graph().cypher();
        graph.write("MATCH (p:Person) WHERE p.employeeId >= 950001 AND p.employeeId < 951000 DETACH DELETE p", Map.of());
        graph.write("MATCH (n) WHERE (n:Department OR n:OrgImport) AND n.source = $s DETACH DELETE n", Map.of("s", SCHEMA));
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private PersonProfiles profiles(int size) {
        return new PersonProfiles(graph, TestEngines.sql().database().dataSource(), SCHEMA, size);
    }

    @Test
    void aMissReadsBothStoresOnceAndAHitRunsNoStatement() {
        PersonProfiles profiles = profiles(10);
        try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.sql().recorder(), "test: profile");
             WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
            ProfileLookup first = profiles.lookup(950_003L);

            assertThat(first.hit()).isFalse();
            assertThat(recorded.matching(s -> s.engine() == Engine.NEO4J)).singleElement()
                    .satisfies(s -> assertThat(s.action()).endsWith("· graph"));
            assertThat(recorded.matching(s -> s.engine() == Engine.POSTGRESQL && s.text().contains("salary")))
                    .singleElement().satisfies(s -> assertThat(s.action()).endsWith("· sql"));
            PersonProfile tom = first.profile().orElseThrow();
            assertThat(tom.name()).isEqualTo("Tom Low");
            assertThat(tom.chainOfCommand()).containsExactly("Sam Mid", "Ria Boss");
            assertThat(tom.salary()).isEqualByComparingTo(new BigDecimal("80000.50"));
            assertThat(tom.projects()).containsExactly("Alpha", "Zeta");
            assertThat(tom.hiredOn()).isEqualTo(LocalDate.of(2019, 4, 15));
            assertThat(tom.department()).isEqualTo("Research");
            assertThat(tom.roles()).containsExactly("Staff");
            assertThat(tom.permissions()).contains("request time off");

            int before = recorded.all().size();
            ProfileLookup second = profiles.lookup(950_003L);

            assertThat(second.hit()).isTrue();
            assertThat(second.graphStatements() + second.sqlStatements()).isZero();
            assertThat(recorded.all()).as("no statement on a hit").hasSize(before);
            assertThat(second.counts().hits()).isEqualTo(1);
            assertThat(second.counts().misses()).isEqualTo(1);
        }
    }

    @Test
    void theTopHasReportsAndNoChain() {
        PersonProfile ria = profiles(10).lookup(950_001L).profile().orElseThrow();

        assertThat(ria.chainOfCommand()).isEmpty();
        assertThat(ria.directReports()).isEqualTo(1);
        assertThat(ria.totalReports()).isEqualTo(2);
    }

    @Test
    void invalidatingMakesTheNextLookUpAMissAndAFullCacheEvicts() {
        PersonProfiles profiles = profiles(2);
        profiles.lookup(950_001L);
        profiles.invalidate(950_001L);

        ProfileLookup again = profiles.lookup(950_001L);
        assertThat(again.hit()).isFalse();
        assertThat(again.counts().invalidations()).isEqualTo(1);
        assertThat(again.counts().misses()).isEqualTo(2);

        profiles.lookup(950_002L);
        profiles.lookup(950_003L);
        assertThat(profiles.counts().evictions()).as("three people in a cache of two").isPositive();
        assertThat(profiles.counts().size()).isLessThanOrEqualTo(2);
    }

    @Test
    void aPersonNotInTheGraphIsAnEmptyProfileAndNotCached() {
        PersonProfiles profiles = profiles(10);

        assertThat(profiles.lookup(959_999L).profile()).isEmpty();
        assertThat(profiles.counts().size()).isZero();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
