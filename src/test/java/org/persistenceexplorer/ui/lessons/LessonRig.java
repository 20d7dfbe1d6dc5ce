package org.persistenceexplorer.ui.lessons;

import java.util.List;
import java.util.prefs.Preferences;
import javax.sql.DataSource;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.engine.SidePool;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.lessons.Course;
import org.persistenceexplorer.service.lessons.LessonFiles;
import org.persistenceexplorer.service.log.ActionTotals;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.LargeHr;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.service.txlab.TransactionsLab;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.UiTicker;
import org.persistenceexplorer.ui.console.ConsoleFeature;
import org.persistenceexplorer.ui.lab.LabFeature;
import org.persistenceexplorer.ui.migrations.MigrationsFeature;
import org.persistenceexplorer.ui.orgchart.OrgChartFeature;
import org.persistenceexplorer.ui.tables.TablesFeature;
import org.persistenceexplorer.ui.txlab.TxLabFeature;

/**
 * The app's features on the shared test engines, as the feature list builds them, with the
 * inline runner and without views: lessons' commands run headless against the real engines.
 * Built once per test JVM (the services are reused, the engines shared). Migrations use a
 * schema prefix of their own, the transactions lab a table schema of its own; the loading lab
 * has its own schema `lab`. Not thread-safe: one test at a time.
 */
final class LessonRig {

    private static LessonRig rig;

    final StatementLog log = new StatementLog();
    final InlineBackgroundRunner runner = new InlineBackgroundRunner();
    final UiTicker ticker = new UiTicker();
    final List<Feature> features;
    final CommandRegistry commands;
    final Course course;
    final Preferences settings = Preferences.userRoot().node("org/persistenceexplorer/test/lessons");

    private LessonRig() {
        TestEngines.sql().recorder().addListener(log);
        DataSource ds = TestEngines.sql().database().dataSource();
        java.util.function.Supplier<DataSource> pool = () -> ds;
        OrmSessions orm = new OrmSessions(pool, TestEngines.ENTITIES);
        orm.open();
        ConsoleEngines.console(); // the HR people in the graph, as the app's startup imports them
        RowChanges changes = new RowChanges();
        HrGenerator generator = new HrGenerator(pool);
        TransactionsLab txlab = new TransactionsLab(pool,
                (name, size, timeout) -> new SidePool(SqlDatabase.openSide(TestEngines.sql().server().endpoint(),
                        TestEngines.sql().recorder(), name, size, timeout.toMillis())),
                orm, TestEngines.sql().recorder(), "lessons_txlab");
        features = List.of(
                new TablesFeature(new TableCatalog(pool), new TableRows(pool), new EntityEditing(orm, log, changes),
                        new LargeHr(pool, generator), new RowEditing(pool, log, changes)),
                new MigrationsFeature(new MigrationTracks(pool, "lessons_")),
                new OrgChartFeature(TestEngines.graph().cypher(), pool, generator, changes),
                new ConsoleFeature(ConsoleEngines::console, false),
                new LabFeature(new LoadingLab(orm, pool, TestEngines.sql().recorder()), new ActionTotals()),
                new TxLabFeature(txlab));
        commands = new CommandRegistry(features, feature -> feature.prepare(new FeatureContext(runner, ticker.group(),
                settings.node(feature.id()), () -> List.of())));
        course = new LessonFiles("lessons", commands).course();
        Runtime.getRuntime().addShutdownHook(new Thread(orm::close, "pe-test-lessons-orm-close"));
    }

    static synchronized LessonRig get() {
        if (rig == null) {
            rig = new LessonRig();
        }
        return rig;
    }

    /** A fresh panel state over the shared features (its own progress node, emptied). */
    LessonsViewModel panel(String progressNode) {
        Preferences progress = settings.node(progressNode);
        try {
            progress.clear();
        } catch (java.util.prefs.BackingStoreException e) {
            throw new IllegalStateException(e);
        }
        return new LessonsViewModel(course, commands, log, progress);
    }
}
