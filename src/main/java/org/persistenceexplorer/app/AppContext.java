package org.persistenceexplorer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.engine.EngineWatch;
import org.persistenceexplorer.service.engine.GraphEngine;
import org.persistenceexplorer.service.engine.SqlEngine;
import org.persistenceexplorer.service.log.LogVerdicts;
import org.persistenceexplorer.service.log.ServerCounter;
import org.persistenceexplorer.service.log.ServerReconciliation;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.domain.lab.LabModel;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.orggraph.ImportOutcome;
import org.persistenceexplorer.service.startup.StartupSequence;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every headless piece with plain constructors and owns their
 * lifetime. No JavaFX here, so the whole app below the UI can be started in a test.
 * {@link #close()} is idempotent and safe from a shutdown hook: a second call waits until the
 * first has stopped everything.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final EngineSettings settings;
    private final StatementRecorder recorder = new StatementRecorder();
    private final StatementLog statementLog = new StatementLog();
    /** Rows the app changed (the Tables tab says so, the org chart's profile cache listens). */
    private final RowChanges rowChanges = new RowChanges();
    private final SqlEngine sql;
    private final GraphEngine graph;
    private final OrmSessions orm;
    private final HrGenerator hrGenerator;
    private final MigrationTracks migrations;
    private final LoadingLab loadingLab;
    private final LogVerdicts verdicts;
    private final EngineWatch watch;
    private final StartupSequence startup;
    private final ServerReconciliation reconciliation;
    private final AtomicBoolean closed = new AtomicBoolean();
    private static final java.time.Duration MAIN_WINDOW_WAIT = java.time.Duration.ofSeconds(15);
    private volatile CompletableFuture<Void> mainWindow = CompletableFuture.completedFuture(null);
    /** Counted down when the first close has stopped everything; later callers wait for it. */
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    public AppContext(EngineSettings settings, RootPolicy rootPolicy) {
        this.settings = settings;
        recorder.addListener(statementLog);
        this.sql = new SqlEngine(settings, recorder, rootPolicy);
        this.graph = new GraphEngine(settings, recorder);
        this.watch = new EngineWatch(sql, graph);
        this.orm = new OrmSessions(sql::dataSource, java.util.stream.Stream.concat(
                HrModel.ENTITIES.stream(), LabModel.ENTITIES.stream()).toList());
        this.verdicts = new LogVerdicts(statementLog, orm::relationshipNames);
        this.loadingLab = new LoadingLab(orm, sql::dataSource, recorder, verdicts);
        this.hrGenerator = new HrGenerator(sql::dataSource);
        this.migrations = new MigrationTracks(sql::dataSource);
        this.startup = new StartupSequence(startupSteps());
        this.reconciliation = new ServerReconciliation(statementLog,
                ServerCounter.of(sql::readServerStatements, sql::resetServerStatements), recorder::inFlight);
    }

    private List<StartupStep> startupSteps() {
        List<StartupStep> steps = new ArrayList<>();
        steps.add(new StartupStep("pg-start",
                settings.embeddedPostgres() ? "Starting PostgreSQL" : "Connecting to PostgreSQL",
                "startup: start postgresql", true, List.of(), () -> {
                    sql.start();
                    watch.start();
                    sql.enableServerStatistics();
                    return sql.status().address();
                }));
        steps.add(new StartupStep("hr-migrate", "Applying migrations and sample data (HR)",
                "startup: migrate hr", true, List.of("pg-start"), () -> sql.migrateHr().describe()));
        // Hibernate is for the tabs and labs, not for the window to open: it boots beside Neo4j.
        steps.add(new StartupStep("orm-open", "Preparing Hibernate (HR and lab entities)", "startup: open hibernate", false,
                List.of("hr-migrate"), () -> {
                    awaitMainWindow();
                    return orm.open();
                }));
        // Neo4j comes after the steps the main window needs: started side by side, its class
        // loading (~5 s of CPU) slowed PostgreSQL's path by seconds on 2 cores. The window
        // opens as soon as PostgreSQL is ready; Neo4j continues in the background.
        steps.add(new StartupStep("neo4j-start",
                settings.embeddedNeo4j() ? "Starting Neo4j" : "Connecting to Neo4j",
                "startup: start neo4j", false, List.of("hr-migrate"), () -> {
                    awaitMainWindow();
                    graph.start();
                    return graph.status().address();
                }));
        steps.add(new StartupStep("graph-import", "Importing the org chart into Neo4j",
                "startup: import org graph", false, List.of("neo4j-start", "hr-migrate"),
                () -> describe(graph.importOrgGraph(sql.dataSource()))));
        return steps;
    }

    /**
     * Makes the background steps (Hibernate, Neo4j) wait until {@link #mainWindowShown()}: on 2
     * cores their class loading, started the moment PostgreSQL is ready, competed with building
     * the main window and made the FX thread's longest stall seconds long. Without a window
     * (tests, tools) nothing waits. Call before startup runs.
     */
    public void holdBackgroundStepsUntilTheMainWindowIsShown() {
        mainWindow = new CompletableFuture<>();
    }

    /** The main window is on screen: the background steps may go. Any thread; idempotent. */
    public void mainWindowShown() {
        mainWindow.complete(null);
    }

    private void awaitMainWindow() throws InterruptedException {
        try {
            // Bounded: if the window never says so (it failed to build), start anyway.
            mainWindow.get(MAIN_WINDOW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Background steps start without the main window: {}", e.toString());
        }
    }

    static String describe(ImportOutcome outcome) {
        return outcome.peopleRead() + " people: " + outcome.nodesCreated() + " nodes and "
                + outcome.relationshipsCreated() + " REPORTS_TO and IN_DEPARTMENT relationships created"
                + (outcome.unchanged() ? " (HR unchanged since the last import: nothing written)"
                : outcome.nodesCreated() == 0 && outcome.relationshipsCreated() == 0 ? " (already imported)" : "");
    }

    public EngineSettings settings() {
        return settings;
    }

    public StatementRecorder recorder() {
        return recorder;
    }

    public StatementLog statementLog() {
        return statementLog;
    }

    /** Committed row changes, from the features that write to the ones that keep copies. */
    public RowChanges rowChanges() {
        return rowChanges;
    }

    /** The statement log's count beside the server's own (pg_stat_statements). */
    public ServerReconciliation reconciliation() {
        return reconciliation;
    }

    public SqlEngine sql() {
        return sql;
    }

    public GraphEngine graph() {
        return graph;
    }

    /** The app's one Hibernate (open once the "orm-open" step is done). */
    /** The migration tracks (blog, library, movies, hr, folders opened) and their time travel. */
    public MigrationTracks migrations() {
        return migrations;
    }

    public OrmSessions orm() {
        return orm;
    }

    /** What the log concludes about its statements (N+1, duplicates, unused eager loads). */
    public LogVerdicts verdicts() {
        return verdicts;
    }

    /** The loading lab (N+1 and its fixes) on the app's Hibernate, in its own schema. */
    public LoadingLab loadingLab() {
        return loadingLab;
    }

    /** Big HR data sets (10k / 100k / 1M employees) written with COPY. */
    public HrGenerator hrGenerator() {
        return hrGenerator;
    }

    public StartupSequence startup() {
        return startup;
    }

    /** Every engine's state now, PostgreSQL first. */
    public List<EngineStatus> statuses() {
        return List.of(sql.status(), graph.status());
    }

    /** Stops watching the engines, then stops them: the graph first, then Hibernate, the pool and PostgreSQL. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            // A second caller (the JVM's shutdown hook while the window's close still runs) must not
            // let the JVM end before the engines are down: that would leave a postgres running.
            awaitStopped();
            return;
        }
        try {
            stopEverything();
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            if (!stopped.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("The engines are still stopping after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopEverything() {
        long start = System.nanoTime();
        watch.close();
        try {
            graph.close();
        } catch (RuntimeException e) {
            LOG.warn("Neo4j did not stop cleanly: {}", e.toString());
        }
        try {
            orm.close();
        } catch (RuntimeException e) {
            LOG.warn("Hibernate did not close cleanly: {}", e.toString());
        }
        try {
            sql.close();
        } catch (RuntimeException e) {
            LOG.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
        LOG.info("Engines stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
