package org.persistenceexplorer.service.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The formula, measured three ways: the lab's own count, the app's log (every captured
 * statement of the run's action) and PostgreSQL's pg_stat_statements must all say lazy 1+N, join
 * fetch 1, entity graph 1, batch k 1+ceil(N/k), subselect 2, at N = 10, 100 and 1,000. The lab
 * works in its own schema; the HR sample is not touched.
 */
class LoadingLabCountTest {

    private static OrmSessions orm;
    private static LoadingLab lab;
    private final List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
    private final StatementListener listener = seen::add;
    private ServerStatementCount server;

    @BeforeAll
    static void openLab() {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder());
    }

    @AfterAll
    static void close() {
        orm.close();
    }

    @BeforeEach
    void listen() {
        server = new ServerStatementCount(TestEngines.sql().database());
        TestEngines.sql().recorder().addListener(listener);
    }

    @AfterEach
    void stopListening() {
        TestEngines.sql().recorder().removeListener(listener);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000})
    void everyStrategyCostsWhatTheFormulaSaysInTheLabTheLogAndOnTheServer(int n) throws Exception {
        int k = 25;
        lab.seed(n);
        for (Strategy strategy : Strategy.values()) {
            seen.clear();
            server.reset();
            LabRun run = lab.run(Scenario.DEPARTMENTS_EMPLOYEES, strategy, n, k, 0);

            long expected = switch (strategy) {
                case LAZY -> 1 + n;
                case JOIN_FETCH, ENTITY_GRAPH, LAZY_AFTER_CLOSE -> 1;
                case BATCH -> 1 + (n + k - 1) / k;
                case SUBSELECT -> 2;
            };
            assertThat(run.selects()).as(strategy + " at N=" + n).isEqualTo(expected).isEqualTo(run.expectedSelects());
            assertThat(seen).filteredOn(s -> s.action().equals(run.action()) && s.kind() == StatementKind.SELECT)
                    .as("the log's SELECTs of " + run.action()).hasSize((int) expected);
            assertThat(run.transactionStatements()).as("BEGIN and COMMIT, counted apart").isEqualTo(2);
            server.assertAppCountMatches(seen);
            assertThat(server.executedSinceReset()).as("server executions of " + strategy)
                    .isEqualTo(expected + run.transactionStatements());
            if (strategy == Strategy.LAZY_AFTER_CLOSE) {
                assertThat(run.error()).startsWith("LazyInitializationException").contains("session");
            } else {
                assertThat(run.error()).isNull();
                assertThat(run.entitiesLoaded()).isEqualTo(n + (long) n * LabData.CHILDREN);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void theOtherRelationshipsFollowTheirFormulasToo(int n) throws Exception {
        int k = 7;
        lab.seed(n);
        for (Scenario scenario : List.of(Scenario.EMPLOYEES_MANAGER, Scenario.EMPLOYEES_PROJECTS)) {
            for (Strategy strategy : Strategy.values()) {
                seen.clear();
                server.reset();
                LabRun run = lab.run(scenario, strategy, n, k, 0);
                assertThat(run.selects()).as(scenario + " " + strategy + " at N=" + n).isEqualTo(run.expectedSelects());
                server.assertAppCountMatches(seen);
            }
        }
        assertThat(Scenario.EMPLOYEES_MANAGER.expectedSelects(Strategy.LAZY, n, k)).isEqualTo(1 + n);
        assertThat(Scenario.EMPLOYEES_PROJECTS.expectedSelects(Strategy.SUBSELECT, n, k)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100})
    void theTwoLevelScenarioPaysForEachLevelAsTheFormulaSays(int n) throws Exception {
        int k = 25;
        lab.seed(n);
        long people = (long) n * LabData.CHILDREN;
        for (Strategy strategy : Strategy.values()) {
            seen.clear();
            server.reset();
            LabRun run = lab.run(Scenario.DEPARTMENTS_EMPLOYEES_PROJECTS, strategy, n, k, 0);
            long expected = switch (strategy) {
                case LAZY -> 1 + n + people;
                case JOIN_FETCH, ENTITY_GRAPH, LAZY_AFTER_CLOSE -> 1;
                case BATCH -> 1 + (n + k - 1) / k + (people + k - 1) / k;
                case SUBSELECT -> 3;
            };
            assertThat(run.selects()).as(strategy + " at N=" + n).isEqualTo(expected).isEqualTo(run.expectedSelects());
            assertThat(seen).filteredOn(s -> s.action().equals(run.action()) && s.kind() == StatementKind.SELECT)
                    .as("the log's SELECTs of " + run.action()).hasSize((int) expected);
            server.assertAppCountMatches(seen);
            assertThat(server.executedSinceReset()).isEqualTo(expected + run.transactionStatements());
            if (strategy == Strategy.LAZY_AFTER_CLOSE) {
                assertThat(run.error()).startsWith("LazyInitializationException");
            } else {
                assertThat(run.error()).isNull();
                // departments, their employees, and the 2 projects of each department
                assertThat(run.entitiesLoaded()).isEqualTo(n + people + 2L * n);
                // rows read, counted by the capture as Hibernate read them: every strategy reads
                // each department, employee and employee-project pair at least once
                assertThat(run.rowsRead()).as("rows read by " + strategy).isGreaterThanOrEqualTo(people * 2);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10})
    void anEagerLoadNobodyReadIsNamedAndAReadOneIsNot(int n) throws Exception {
        lab.seed(n);
        LabRun unused = lab.run(Scenario.DEPARTMENT_NAMES, Strategy.JOIN_FETCH, n, 5, 0);
        assertThat(unused.unusedEagerLoads()).containsExactly("Department.employees x" + n);
        assertThat(lab.run(Scenario.DEPARTMENT_NAMES, Strategy.ENTITY_GRAPH, n, 5, 0).unusedEagerLoads())
                .containsExactly("Department.employees x" + n);
        assertThat(lab.run(Scenario.DEPARTMENT_NAMES, Strategy.LAZY, n, 5, 0).unusedEagerLoads()).isEmpty();
        assertThat(lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.JOIN_FETCH, n, 5, 0).unusedEagerLoads()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aBulkUpdateIsOneStatementAndLeavesTheSessionStale() throws Exception {
        int n = 100;
        lab.seed(n);
        seen.clear();
        server.reset();
        List<BulkRun> runs = lab.raiseSalaries(n);
        server.assertAppCountMatches(seen);
        long people = (long) n * LabData.CHILDREN;
        assertThat(runs).extracting(BulkRun::rows).containsOnly(people);
        assertThat(runs).extracting(BulkRun::executions).containsExactly(people, people, 1L);
        assertThat(runs).extracting(BulkRun::roundTrips).containsExactly(people, (people + 49) / 50, 1L);
        assertThat(runs.get(0).stale()).isEmpty();
        assertThat(runs.get(2).stale()).startsWith("Stale: the session's Employee 1 still earns 41000.00")
                .contains("the database says 43050.00");
        try (var c = TestEngines.sql().database().connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT salary FROM lab.employee WHERE id = 1")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).as("rolled back: the lab stays as seeded").isEqualByComparingTo("41000");
        }
    }

    @org.junit.jupiter.api.Test
    void theWarmSecondLevelCacheCostsNoStatementAndABulkUpdateEmptiesIt() throws Exception {
        int n = 20;
        lab.seed(n);
        seen.clear();
        server.reset();
        List<CacheRun> runs = lab.secondLevelCache(n);
        server.assertAppCountMatches(seen);
        CacheRun cold = runs.get(0);
        CacheRun warm = runs.get(1);
        CacheRun after = runs.get(2);
        assertThat(cold.selects()).as("a find and a collection load per department").isEqualTo(2L * n);
        assertThat(cold.misses()).isEqualTo(2L * n);
        assertThat(cold.puts()).as("departments, their employees, their collections")
                .isEqualTo(n + (long) n * LabData.CHILDREN + n);
        assertThat(warm.statements()).as("not even BEGIN: nothing reached the server").isEmpty();
        assertThat(warm.hits()).isEqualTo(n + (long) n * LabData.CHILDREN + n);
        assertThat(warm.misses()).isZero();
        assertThat(after.selects()).as("the bulk update emptied the employee regions").isGreaterThan(0);
        assertThat(runs).extracting(CacheRun::employees).containsOnly((long) n * LabData.CHILDREN);

        // An SQL UPDATE outside Hibernate (as the console sends it): the cache is not told.
        CacheRun outside = runs.get(3);
        assertThat(outside.statements()).as("still all from the cache: nothing reached the server").isEmpty();
        assertThat(outside.note()).startsWith("Stale: the cache still says \"Department 1\"")
                .contains("the database says \"Department 1 (renamed in SQL)\"");
        CacheRun evicted = runs.get(4);
        assertThat(evicted.selects()).as("only the evicted department is read again").isEqualTo(1);
        assertThat(evicted.note()).contains("now says \"Department 1 (renamed in SQL)\"");
        try (var c = TestEngines.sql().database().connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT name FROM lab.department WHERE id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).as("the rename is undone").isEqualTo("Department 1");
        }

        seen.clear();
        server.reset();
        LabRun lazy = lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.LAZY, n, 5, 0);
        assertThat(lazy.selects()).as("the other runs ignore the cache").isEqualTo(1 + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10_001})
    void aSizeOutsideTheSliderIsRefusedInPlainWords(int n) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.seed(n))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 10 and 10000");
    }

    @org.junit.jupiter.api.Test
    void theHrSampleIsUntouched() throws SQLException {
        try (var c = TestEngines.sql().database().connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM hr.employee")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(300);
        }
    }
}
