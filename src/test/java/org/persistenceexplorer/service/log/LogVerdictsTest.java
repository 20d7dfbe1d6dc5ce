package org.persistenceexplorer.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The log's verdicts on known workloads run by real Hibernate: N+1 on the lazy run, named by
 * the relationship, and none on batch, join fetch, entity graph or subselect runs; the unused
 * eager load on its scenario and not where the association is read; shapes that differ only in
 * literals grouped; exact duplicates flagged apart.
 */
class LogVerdictsTest {

    private static OrmSessions orm;
    private static LoadingLab lab;
    private static final StatementLog LOG = new StatementLog();
    private static LogVerdicts verdicts;

    @BeforeAll
    static void open() {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        verdicts = new LogVerdicts(LOG, orm::relationshipNames);
        lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder(), verdicts);
        TestEngines.sql().recorder().addListener(LOG);
    }

    @AfterAll
    static void close() {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
    }

    @Test
    void nPlusOneIsNamedOnTheLazyRunOnlyWithItsFix() throws Exception {
        LOG.reset();
        List<LabRun> runs = lab.runAll(Scenario.DEPARTMENTS_EMPLOYEES, 20, 5, 0);
        verdicts.update();

        List<Verdict> open = verdicts.openLoadingVerdicts();
        assertThat(open).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Verdict.Kind.N_PLUS_ONE);
            assertThat(v.action()).isEqualTo(runs.get(0).action());
            assertThat(v.headline()).isEqualTo("N+1: Department.employees x20");
            assertThat(v.fix()).contains("join fetch").contains("entity graph").contains("batch size")
                    .contains("20 similar SELECTs on lab.employee by department_id");
        });
        assertThat(verdicts.groups(runs.get(0).action())).first()
                .extracting(ShapeGroup::describe).isEqualTo("20 similar SELECTs on lab.employee by department_id");
        assertThat(verdicts.groups(runs.get(3).action())).as("batch k=5: 4 keyed-by-array SELECTs")
                .anyMatch(g -> g.count() == 4 && g.keyColumn().isEmpty());
    }

    @Test
    void manyToOneAndManyToManyAreNamedToo() throws Exception {
        LOG.reset();
        lab.run(Scenario.EMPLOYEES_MANAGER, Strategy.LAZY, 10, 5, 0);
        lab.run(Scenario.EMPLOYEES_PROJECTS, Strategy.LAZY, 10, 5, 0);
        lab.run(Scenario.EMPLOYEES_PROJECTS, Strategy.BATCH, 10, 5, 0);
        verdicts.update();
        assertThat(verdicts.openLoadingVerdicts()).extracting(Verdict::headline)
                .containsExactly("N+1: Employee.manager x10", "N+1: Employee.projects x10");
    }

    @Test
    void anUnusedEagerLoadIsAVerdictAndAReadOneIsNot() throws Exception {
        LOG.reset();
        verdicts.update();
        lab.run(Scenario.DEPARTMENTS_EMPLOYEES, Strategy.JOIN_FETCH, 10, 5, 0);
        verdicts.update();
        assertThat(verdicts.openLoadingVerdicts()).isEmpty();
        lab.run(Scenario.DEPARTMENT_NAMES, Strategy.JOIN_FETCH, 10, 5, 0);
        verdicts.update();
        assertThat(verdicts.openLoadingVerdicts()).singleElement().satisfies(v -> {
            assertThat(v.headline()).isEqualTo("Unused eager load: Department.employees x10");
            assertThat(v.fix()).startsWith("Remove the fetch of Department.employees here");
        });
        LOG.reset();
        verdicts.update();
        assertThat(verdicts.open()).as("a cleared log clears its verdicts").isEmpty();
    }

    @Test
    void statementsThatDifferOnlyInLiteralsShareAShapeAndExactRepeatsAreDuplicates() {
        StatementLog log = new StatementLog(100);
        LogVerdicts local = new LogVerdicts(log, () -> RelationshipNames.NONE);
        long seq = 0;
        for (int id : new int[] {1, 2, 3, 3}) {
            log.statementCaptured(select(++seq, "SELECT name FROM hr.employee e WHERE e.id = " + id, List.of()));
        }
        log.statementCaptured(select(++seq, "select x from t a where a.k = ?", List.of("7")));
        log.statementCaptured(select(++seq, "select x from t a where a.k = ?", List.of("7")));
        local.update();
        assertThat(local.groups("a")).extracting(ShapeGroup::shape, ShapeGroup::count, ShapeGroup::duplicates)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("select name from hr.employee e where e.id = ?", 4L, 1L),
                        org.assertj.core.groups.Tuple.tuple("select x from t a where a.k = ?", 2L, 1L));
        assertThat(local.open()).extracting(Verdict::headline).containsExactlyInAnyOrder(
                "N+1: hr.employee by id x4", "Duplicates: hr.employee x1", "Duplicates: t x1");
    }

    private static CapturedStatement select(long seq, String text, List<String> parameters) {
        return new CapturedStatement(seq, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, text, parameters,
                1, 1, 1, "t", false, null, "a");
    }
}
