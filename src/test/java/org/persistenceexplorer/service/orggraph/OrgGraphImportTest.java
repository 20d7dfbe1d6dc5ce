package org.persistenceexplorer.service.orggraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.store.graph.GraphQueryException;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Imports a small company of its own (schema org_import_test, employee ids from 990001) so it
 * neither needs nor disturbs the HR sample data, and removes its people from the graph again.
 */
class OrgGraphImportTest {

    private static final String SCHEMA = "org_import_test";
    private static final long FIRST_ID = 990_001;
    private static final int PEOPLE = 7;
    private static boolean constraintExistedBefore;

    private final SqlDatabase sql = TestEngines.sql().database();
    private final CypherRunner graph = TestEngines.graph().cypher();

    @BeforeAll
    static void createCompany() throws SQLException {
        constraintExistedBefore = constraintExists();
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".department (LIKE hr.department INCLUDING ALL)");
            s.execute("CREATE TABLE " + SCHEMA + ".employee (LIKE hr.employee INCLUDING ALL)");
            s.execute("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Board', 1000), (2, 'Engineering', 5000)");
            // 990001 CEO <- 990002, 990003 (VPs) <- 990004, 990005 (of 990002) and 990006, 990007 (of 990003)
            s.execute("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                    + "(990001, 'Ada Chief', 'ada@test', 'CEO', 300000, '2001-01-01', 1, NULL),"
                    + "(990002, 'Bob Vp', 'bob@test', 'VP', 200000, '2005-01-01', 2, 990001),"
                    + "(990003, 'Cy Vp', 'cy@test', 'VP', 200000, '2006-01-01', NULL, 990001),"
                    + "(990004, 'Dee Dev', 'dee@test', 'Developer', 90000, '2010-01-01', 2, 990002),"
                    + "(990005, 'Eve Dev', 'eve@test', 'Developer', 90000, '2011-01-01', 2, 990002),"
                    + "(990006, 'Fay Dev', 'fay@test', 'Developer', 90000, '2012-01-01', 2, 990003),"
                    + "(990007, 'Gus Dev', 'gus@test', 'Developer', 90000, '2013-01-01', 2, 990003)");
        }
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        if (!constraintExistedBefore) {
            TestEngines.graph().gateway().write("DROP CONSTRAINT person_employee_id IF EXISTS", Map.of());
        }
    }

    @BeforeEach
    @AfterEach
    void removeTestPeopleFromTheGraph() {
        graph.write("MATCH (p:Person) WHERE p.employeeId >= $first AND p.employeeId < $first + 1000 DETACH DELETE p",
                Map.of("first", FIRST_ID));
        graph.write("MATCH (d:Department {source: $source}) DETACH DELETE d", Map.of("source", SCHEMA));
    }

    /** check + 2 constraints + departments + per batch (people, then managers + departments) + 2 removals + the roles script + remembering. */
    private static int statementsOfAFullImport(int batches) {
        return 1 + 2 + 1 + batches + 2 * batches + 2 + GraphScript.load(GraphScript.ROLES_AND_DELEGATIONS).statements().size() + 1;
    }

    @Test
    void firstImportCreatesPeopleAndReportingLinesSecondCreatesNothing() throws SQLException {
        ImportOutcome first = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();

        assertThat(first.peopleRead()).isEqualTo(PEOPLE);
        assertThat(first.nodesCreated()).isEqualTo(PEOPLE);
        assertThat(first.relationshipsCreated()).as("6 REPORTS_TO + 6 IN_DEPARTMENT (Cy has no department)")
                .isEqualTo(2 * (PEOPLE - 1));
        assertThat(first.graphStatements()).isEqualTo(statementsOfAFullImport(1));
        assertThat(first.unchanged()).isFalse();
        assertThat(constraintExists()).isTrue();
        assertThat(graph.read("MATCH (e:Person {employeeId: $id})-[:REPORTS_TO*]->(top:Person) "
                + "WHERE NOT (top)-[:REPORTS_TO]->() RETURN top.name AS top", Map.of("id", 990_007L)).singleValue())
                .isEqualTo("Ada Chief");
        Map<String, Object> cy = graph.read("MATCH (p:Person {employeeId: 990003}) RETURN p.name AS name, p.title AS title, "
                + "p.email AS email, p.department AS department", Map.of()).rows().get(0);
        assertThat(cy).containsEntry("name", "Cy Vp").containsEntry("title", "VP").containsEntry("email", "cy@test")
                .containsEntry("department", null);

        ImportOutcome second = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();

        assertThat(second.peopleRead()).isEqualTo(PEOPLE);
        assertThat(second.nodesCreated()).isZero();
        assertThat(second.relationshipsCreated()).isZero();
        assertThat(second.relationshipsRemoved()).isZero();
        assertThat(second.constraintCreated()).isFalse();
        assertThat(second.unchanged()).isTrue();
        assertThat(second.graphStatements()).as("only the check").isEqualTo(1);
        assertThat(countTestPeople()).isEqualTo(PEOPLE);
        assertThat(graph.read("MATCH (p:Person)-[r:REPORTS_TO]->() WHERE p.employeeId >= 990001 RETURN count(r) AS n", Map.of())
                .singleValue()).isEqualTo((long) PEOPLE - 1);
    }

    @Test
    void uniquenessConstraintRejectsADuplicatePerson() throws SQLException {
        newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();

        assertThatThrownBy(() -> graph.write("CREATE (:Person {employeeId: $id, name: 'Ada Again'})", Map.of("id", FIRST_ID)))
                .isInstanceOf(GraphQueryException.class)
                .hasMessageContaining("already exists")
                .satisfies(e -> assertThat(((GraphQueryException) e).code())
                        .isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
        assertThat(countTestPeople()).isEqualTo(PEOPLE);
    }

    @Test
    void changedManagerMovesTheReportingLine() throws SQLException {
        newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();
        try (Connection c = sql.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + SCHEMA + ".employee SET manager_id = 990003 WHERE id = 990004");
        }
        try {
            ImportOutcome again = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();

            assertThat(again.nodesCreated()).isZero();
            assertThat(again.relationshipsCreated()).isEqualTo(1);
            assertThat(again.relationshipsRemoved()).isEqualTo(1);
            assertThat(graph.read("MATCH (:Person {employeeId: 990004})-[:REPORTS_TO]->(b) RETURN b.employeeId AS boss", Map.of())
                    .rows()).extracting(r -> r.get("boss")).containsExactly(990_003L);
        } finally {
            try (Connection c = sql.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + SCHEMA + ".employee SET manager_id = 990002 WHERE id = 990004");
            }
        }
    }

    @Test
    void anUnchangedReimportWritesNothingAndAChangedTitleIsUpdated() throws SQLException {
        newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();
        List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
        StatementListener listener = seen::add;
        TestEngines.sql().recorder().addListener(listener);
        try {
            newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();
            assertThat(seen).filteredOn(st -> st.engine() == Engine.NEO4J)
                    .as("an unchanged re-import reads the last import's fingerprint and writes nothing")
                    .extracting(CapturedStatement::text).containsExactly(OrgGraphImport.LAST_IMPORT);

            // With the graph changed behind the import's back, the MERGE runs and rewrites only what is missing.
            graph.write("MATCH (p:Person {employeeId: 990005}) DETACH DELETE p", Map.of());
            SyncOutcome synced = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).sync(org.persistenceexplorer.service.work.Progress.NONE);
            assertThat(synced.created()).isEqualTo(1);
            assertThat(synced.unchanged()).isEqualTo(PEOPLE - 1);
            ImportOutcome repaired = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();
            assertThat(repaired.unchanged()).as("the sync remembered what it wrote").isTrue();
            assertThat(synced.relationshipsCreated()).as("Eve's lines to Bob and to Engineering").isEqualTo(2);

            try (Connection c = sql.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + SCHEMA + ".employee SET title = 'Chief Cat Herder' WHERE id = 990004");
            }
            SyncOutcome retitled = newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).sync(org.persistenceexplorer.service.work.Progress.NONE);
            assertThat(graph.read("MATCH (p:Person {employeeId: 990004}) RETURN p.title AS title", Map.of())
                    .rows()).extracting(r -> r.get("title")).containsExactly("Chief Cat Herder");
            assertThat(retitled.updated()).isEqualTo(1);
            assertThat(retitled.changedIds()).containsExactly(990_004L);
            assertThat(retitled.graphChanges()).as("the five properties of the one person rewritten").isEqualTo(5);
        } finally {
            TestEngines.sql().recorder().removeListener(listener);
            try (Connection c = sql.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + SCHEMA + ".employee SET title = 'Developer' WHERE id = 990004");
            }
        }
    }

    @Test
    void runsInBatchesUnderTheImportActionWhenTheCallerSetNone() throws Exception {
        List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
        StatementListener onWorker = s -> {
            if (Thread.currentThread().getName().equals("org-import-test")) {
                seen.add(s);
            }
        };
        TestEngines.graph().recorder().addListener(onWorker);
        try {
            FutureTask<ImportOutcome> work = new FutureTask<>(() -> newImport(3).importPeople());
            new Thread(work, "org-import-test").start();

            ImportOutcome outcome = work.get(2, TimeUnit.MINUTES);

            assertThat(outcome.graphStatements()).as("three batches of at most 3 people").isEqualTo(statementsOfAFullImport(3));
        } finally {
            TestEngines.graph().recorder().removeListener(onWorker);
        }
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.action()).isEqualTo(OrgGraphImport.ACTION));
        assertThat(seen).filteredOn(s -> s.engine() == Engine.POSTGRESQL)
                .extracting(CapturedStatement::text).anySatisfy(t -> assertThat(t).contains(SCHEMA + ".employee"));
        assertThat(seen).filteredOn(s -> s.engine() == Engine.NEO4J).hasSize(statementsOfAFullImport(3))
                .allSatisfy(s -> assertThat(s.error()).isNull());
    }

    @Test
    void keepsTheCallersAction() throws SQLException {
        try (RecordedStatements recorded = RecordedStatements.listen(TestEngines.graph().recorder(), "test: org import");
             WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
            newImport(OrgGraphImport.DEFAULT_BATCH_SIZE).importPeople();

            assertThat(recorded.matching(s -> s.engine() == Engine.NEO4J)).hasSize(statementsOfAFullImport(1));
            assertThat(recorded.matching(s -> s.engine() == Engine.POSTGRESQL)).isNotEmpty();
        }
    }

    @Test
    void importsTheHrSampleWhateverItsSize() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = sql.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM hr.employee")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        long before = (Long) graph.read("MATCH (p:Person) WHERE p.employeeId IN $ids RETURN count(p) AS n",
                Map.of("ids", ids)).singleValue();

        ImportOutcome outcome = new OrgGraphImport(sql.dataSource(), graph).importPeople();

        assertThat(outcome.peopleRead()).isEqualTo(ids.size());
        assertThat(outcome.nodesCreated()).isEqualTo(ids.size() - (int) before);
        if (before == 0) {
            graph.write("MATCH (p:Person) WHERE p.employeeId IN $ids DETACH DELETE p", Map.of("ids", ids));
        }
    }

    private OrgGraphImport newImport(int batchSize) {
        return new OrgGraphImport(sql.dataSource(), graph, SCHEMA, batchSize);
    }

    private long countTestPeople() {
        return (Long) graph.read("MATCH (p:Person) WHERE p.employeeId >= 990001 AND p.employeeId < 991001 RETURN count(p) AS n",
                Map.of()).singleValue();
    }

    private static boolean constraintExists() {
        return !TestEngines.graph().gateway().read("SHOW CONSTRAINTS YIELD name WHERE name = 'person_employee_id' RETURN name",
                Map.of()).rows().isEmpty();
    }
}
