package org.persistenceexplorer.service.orggraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The sync on demand against a small company of its own (schema org_sync_test, ids from
 * 960001), rebuilt before each test; its people and departments leave the graph afterwards.
 */
class OrgGraphSyncTest {

    private static final String SCHEMA = "org_sync_test";
    private static final int PEOPLE = 6;

    private final CypherRunner graph = TestEngines.graph().cypher();

    @BeforeEach
    void createCompany() throws SQLException {
        removeFromGraph();
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        sql("CREATE SCHEMA " + SCHEMA);
        sql("CREATE TABLE " + SCHEMA + ".department (LIKE hr.department INCLUDING ALL)");
        sql("CREATE TABLE " + SCHEMA + ".employee (LIKE hr.employee INCLUDING ALL)");
        sql("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Board', 1000), (2, 'Engineering', 5000)");
        // 960001 <- 960002, 960003 ; 960002 <- 960004, 960005 ; 960003 <- 960006
        sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(960001, 'Ann Top', 'ann@s', 'Chief Executive Officer', 300000, '2001-01-01', 1, NULL),"
                + "(960002, 'Ben Lead', 'ben@s', 'Engineering Manager', 200000, '2005-01-01', 2, 960001),"
                + "(960003, 'Cat Lead', 'cat@s', 'Engineering Manager', 200000, '2006-01-01', 2, 960001),"
                + "(960004, 'Dan Dev', 'dan@s', 'Developer', 90000, '2010-01-01', 2, 960002),"
                + "(960005, 'Eli Dev', 'eli@s', 'Developer', 90000, '2011-01-01', 2, 960002),"
                + "(960006, 'Fae Dev', 'fae@s', 'Developer', 90000, '2012-01-01', 2, 960003)");
    }

    @AfterEach
    void removeFromGraph() {
        graph.write("MATCH (p:Person) WHERE p.employeeId >= 960001 AND p.employeeId < 961000 DETACH DELETE p", Map.of());
        graph.write("MATCH (d:Department {source: $s}) DETACH DELETE d", Map.of("s", SCHEMA));
        graph.write("MATCH (o:OrgImport {source: $s}) DELETE o", Map.of("s", SCHEMA));
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void firstSyncCreatesEveryoneAndASecondSyncWritesNothing() throws SQLException {
        SyncOutcome first = sync(500);

        assertThat(first.peopleRead()).isEqualTo(PEOPLE);
        assertThat(first.created()).isEqualTo(PEOPLE);
        assertThat(first.updated()).isZero();
        assertThat(first.removed()).isZero();
        assertThat(first.relationshipsCreated()).as("5 REPORTS_TO + 6 IN_DEPARTMENT").isEqualTo(11);
        assertThat(graph.read("MATCH (:Person {employeeId: 960006})-[:IN_DEPARTMENT]->(d:Department) RETURN d.name AS n",
                Map.of()).singleValue()).isEqualTo("Engineering");

        SyncOutcome second = sync(500);

        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(PEOPLE);
        assertThat(second.removed()).isZero();
        assertThat(second.graphChanges()).as("nothing written: " + second.describe()).isZero();
        assertThat(second.changedIds()).isEmpty();
    }

    @Test
    void aPersonRemovedFromHrLeavesTheGraphAndAMovedPersonsReportingLineMoves() throws SQLException {
        sync(500);
        sql("DELETE FROM " + SCHEMA + ".employee WHERE id = 960006");
        sql("UPDATE " + SCHEMA + ".employee SET manager_id = 960003 WHERE id = 960005");

        SyncOutcome after = sync(500);

        assertThat(after.removed()).isEqualTo(1);
        assertThat(after.updated()).as("Eli moved").isEqualTo(1);
        assertThat(after.unchanged()).isEqualTo(4);
        assertThat(after.changedIds()).containsExactlyInAnyOrder(960_005L, 960_006L);
        assertThat(graph.read("MATCH (p:Person {employeeId: 960006}) RETURN count(p) AS n", Map.of()).singleValue()).isEqualTo(0L);
        assertThat(graph.read("MATCH (:Person {employeeId: 960005})-[:REPORTS_TO]->(b) RETURN collect(b.employeeId) AS b",
                Map.of()).singleValue()).isEqualTo(java.util.List.of(960_003L));
        assertThat(sync(500).graphChanges()).isZero();
    }

    @Test
    void everyPersonGetsARoleAndTheGraphScriptIsIdempotent() throws SQLException {
        sync(500);

        assertThat(graph.read("MATCH (p:Person) WHERE p.employeeId >= 960001 AND p.employeeId < 961000 "
                + "AND NOT (p)-[:HAS_ROLE]->(:Role) RETURN count(p) AS n", Map.of()).singleValue()).isEqualTo(0L);
        assertThat(graph.read("MATCH (:Person {employeeId: 960002})-[:HAS_ROLE]->(r) RETURN r.name AS n", Map.of())
                .singleValue()).isEqualTo("Manager");
        assertThat(GraphScript.load(GraphScript.ROLES_AND_DELEGATIONS).run(graph)).as("a second run writes nothing").isZero();
    }

    @Test
    void aDeeperCompanyStaysIdempotentDelegationsDoNotFeedOnThemselves() throws SQLException {
        // 960006 (reports to a direct of the top) <- 960009 <- 960010: deep enough for a delegation
        // statement that took its own output as input to grow on every run.
        sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(960009, 'Gus Deep', 'gus@s', 'Team Lead Manager', 90000, '2013-01-01', 2, 960006),"
                + "(960010, 'Hal Deeper', 'hal@s', 'Developer', 80000, '2014-01-01', 2, 960009)");
        sync(500);

        assertThat(GraphScript.load(GraphScript.ROLES_AND_DELEGATIONS).run(graph)).as("the script again").isZero();
        assertThat(sync(500).graphChanges()).isZero();
    }

    @Test
    void anInterruptedSyncCompletesOnTheNextRunWithoutDuplicates() throws SQLException {
        AtomicInteger batches = new AtomicInteger();
        Progress interrupting = (fraction, message) -> {
            if (message.startsWith("People") && batches.incrementAndGet() == 2) {
                throw new IllegalStateException("interrupted");
            }
        };
        assertThatThrownBy(() -> new OrgGraphImport(TestEngines.sql().database().dataSource(), graph, SCHEMA, 2)
                .sync(interrupting)).hasMessage("interrupted");
        assertThat(countPeople()).as("the first batch was written").isEqualTo(2L);

        SyncOutcome rerun = sync(2);

        assertThat(rerun.created()).isEqualTo(PEOPLE - 2);
        assertThat(countPeople()).isEqualTo((long) PEOPLE);
        assertThat(graph.read("MATCH (p:Person)-[r:REPORTS_TO]->() WHERE p.employeeId >= 960001 AND p.employeeId < 961000 "
                + "RETURN count(r) AS n", Map.of()).singleValue()).isEqualTo((long) PEOPLE - 1);
    }

    @Test
    void aPlainCreateOfAnExistingPersonIsRefusedTheMergeIsNot() throws SQLException {
        sync(500);

        ConstraintLesson.Outcome lesson = new ConstraintLesson(graph).run(960_004L, "Dan Again");

        assertThat(lesson.errorCode()).isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed");
        assertThat(lesson.createError()).contains("already exists");
        assertThat(lesson.mergeNodesCreated()).isZero();
        assertThat(lesson.mergedName()).isEqualTo("Dan Dev");
        assertThat(countPeople()).isEqualTo((long) PEOPLE);
        assertThatThrownBy(() -> new ConstraintLesson(graph).run(960_999L, "Nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the graph");
    }

    private SyncOutcome sync(int batchSize) throws SQLException {
        return new OrgGraphImport(TestEngines.sql().database().dataSource(), graph, SCHEMA, batchSize).sync(Progress.NONE);
    }

    private long countPeople() {
        return (Long) graph.read("MATCH (p:Person) WHERE p.employeeId >= 960001 AND p.employeeId < 961000 RETURN count(p) AS n",
                Map.of()).singleValue();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
