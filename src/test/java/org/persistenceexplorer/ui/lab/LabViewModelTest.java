package org.persistenceexplorer.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.lab.LabRun;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lab.Scenario;
import org.persistenceexplorer.service.lab.Strategy;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * What a new user does first: departments -> employees, N = 100, "run all": 101 / 1 / 1 / 5
 * (k = 25) / 2 SELECTs, the closed session's error, and step mode walking all 101 + BEGIN /
 * COMMIT statements with the Java line behind each. Choices are remembered.
 */
class LabViewModelTest {

    private static OrmSessions orm;
    private static LoadingLab lab;
    private static Preferences settings;

    @BeforeAll
    static void open() {
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
        lab = new LoadingLab(orm, () -> TestEngines.sql().database().dataSource(), TestEngines.sql().recorder());
        settings = Preferences.userRoot().node("org/persistenceexplorer/test/lab-" + System.nanoTime());
    }

    @AfterAll
    static void close() throws BackingStoreException {
        orm.close();
        settings.removeNode();
    }

    @Test
    void runAllAtAHundredShowsTheIssuesNumbersAndStepsThroughTheLazyRun() {
        LabViewModel model = new LabViewModel(new InlineBackgroundRunner(), lab, settings);
        model.scenarioProperty().set(Scenario.DEPARTMENTS_EMPLOYEES);
        model.parentsProperty().set(100);
        model.batchSizeProperty().set(25);

        model.runAll();

        assertThat(model.runs()).extracting(LabRun::selects).containsExactly(101L, 1L, 1L, 5L, 2L, 1L);
        assertThat(model.runs()).extracting(LabRun::strategy).containsExactly(Strategy.values());
        assertThat(model.runs().get(5).error()).startsWith("LazyInitializationException");
        assertThat(model.messageProperty().get()).contains("101 / 1 / 1 / 5 / 2 / 1");
        assertThat(model.runningProperty().get()).isFalse();

        LabRun lazy = model.runs().get(0);
        model.startStepping(lazy);
        assertThat(model.stepTextProperty().get()).startsWith("Statement 1 of 103").contains("BEGIN");
        model.nextStep();
        assertThat(model.stepTextProperty().get()).contains("createSelectionQuery").contains("lab.department");
        model.nextStep();
        assertThat(model.stepTextProperty().get()).contains("department.getEmployees().size()").contains("lab.employee");
        for (int i = 0; i < 200; i++) {
            model.nextStep();
        }
        assertThat(model.stepTextProperty().get()).startsWith("Statement 103 of 103").contains("COMMIT");
        assertThat(model.canStepForward().get()).isFalse();

        LabViewModel again = new LabViewModel(new InlineBackgroundRunner(), lab, settings);
        assertThat(again.parentsProperty().get()).isEqualTo(100);
        assertThat(again.batchSizeProperty().get()).isEqualTo(25);
    }

    @Test
    void aRunThatCannotStartSaysWhyInPlainWords() {
        LabViewModel model = new LabViewModel(new InlineBackgroundRunner(), lab, settings);
        model.batchSizeProperty().set(0);
        model.runOne();
        assertThat(model.messageProperty().get()).startsWith("The run failed").contains("batch size");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void theCacheLessonShowsNoStatementOnTheWarmReadAndTheBulkLessonOneUpdate() {
        LabViewModel model = new LabViewModel(new InlineBackgroundRunner(), lab, settings);
        model.parentsProperty().set(10);
        model.runCache();
        // cold, warm, after a bulk UPDATE (invalidated), after an SQL UPDATE outside Hibernate (stale, from the
        // cache), after evicting department 1 (its one SELECT)
        assertThat(model.lessonCards()).extracting(LessonCard::number)
                .containsExactly(20L, 0L, model.lessonCards().get(2).number(), 0L, 1L);
        assertThat(model.lessonCards().get(3).warning()).startsWith("Stale: the cache still says");
        assertThat(model.lessonCards().get(1).sql()).isEqualTo("(no statement reached the server)");
        assertThat(model.lessonCards().get(2).number()).isPositive();
        assertThat(model.runs()).isEmpty();
        model.runBulk();
        assertThat(model.lessonCards()).extracting(LessonCard::number).containsExactly(30L, 30L, 1L);
        assertThat(model.lessonCards().get(2).warning()).startsWith("Stale");
    }
}
