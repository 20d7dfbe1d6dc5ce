package org.persistenceexplorer.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.log.ShapeRow;
import org.persistenceexplorer.ui.log.StatementLogViewModel;

/**
 * Projector mode's log after a real lazy run at N = 100 (the lab's view-model on the inline
 * runner, the app's captured pool): one line per shape with its kind and count — the 100 lazy
 * loads are one group ×100 — and the join-fetch run beside it is a single SELECT.
 */
class ProjectorLogGroupsTest {

    private static OrmSessions orm;
    private static LoadingLab lab;
    private static Preferences settings;
    private static StatementLog log;

    @BeforeAll
    static void open() {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder());
        settings = Preferences.userRoot().node("org/persistenceexplorer/test/lab-groups-" + System.nanoTime());
        log = new StatementLog(50_000);
        TestEngines.sql().recorder().addListener(log);
    }

    @AfterAll
    static void close() throws BackingStoreException {
        TestEngines.sql().recorder().removeListener(log);
        orm.close();
        settings.removeNode();
    }

    @Test
    void aLazyRunOfAHundredIsOneGroupOfAHundredSelectsByDepartment() {
        LabViewModel lab = new LabViewModel(new InlineBackgroundRunner(), ProjectorLogGroupsTest.lab, settings);
        lab.scenarioProperty().set(Scenario.DEPARTMENTS_EMPLOYEES);
        lab.parentsProperty().set(100);
        lab.strategyProperty().set(Strategy.LAZY);
        lab.runOne(); // seeds first if needed, under its own action
        StatementLogViewModel logModel = new StatementLogViewModel(log);
        logModel.refresh();
        logModel.clear();
        lab.runOne();
        lab.strategyProperty().set(Strategy.JOIN_FETCH);
        lab.runOne();
        logModel.refresh();

        List<ShapeRow> lazy = logModel.visibleShapes().stream().filter(g -> g.action().contains("· lazy")).toList();
        assertThat(lazy).extracting(ShapeRow::kind, ShapeRow::shape, ShapeRow::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TX", "begin", 1L),
                org.assertj.core.groups.Tuple.tuple("SELECT", "select … from lab.department order by id", 1L),
                org.assertj.core.groups.Tuple.tuple("SELECT", "select … from lab.employee where department_id=?", 100L),
                org.assertj.core.groups.Tuple.tuple("TX", "commit", 1L));
        assertThat(lazy.get(2).times()).isEqualTo("×100");
        List<ShapeRow> joined = logModel.visibleShapes().stream().filter(g -> g.action().contains("· join fetch")).toList();
        assertThat(joined).filteredOn(g -> g.kind().equals("SELECT")).singleElement()
                .satisfies(g -> assertThat(g.count()).isEqualTo(1))
                .satisfies(g -> assertThat(g.shape()).startsWith("select … from lab.department left join lab.employee"));
        assertThat(logModel.visibleShapes().get(logModel.visibleShapes().size() - 1).action())
                .as("the most recently active group comes last").contains("join fetch");

        logModel.filterProperty().set("lazy department_id");
        assertThat(logModel.visibleShapes()).extracting(ShapeRow::count).containsExactly(100L);
        logModel.clear();
        assertThat(logModel.visibleShapes()).isEmpty();
    }
}
