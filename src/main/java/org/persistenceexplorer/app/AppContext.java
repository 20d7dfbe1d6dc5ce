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
import org.persistenceexplorer.domain.shop.ShopModel;
import org.persistenceexplorer.service.lab.LoadingLab;
import org.persistenceexplorer.service.txlab.TransactionsLab;
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

    private volatile EngineSettings settings;
    private final StatementRecorder recorder = new StatementRecorder();
    private final org.persistenceexplorer.service.connect.ProfileStore profiles;
    private final org.persistenceexplorer.service.connect.ConnectionCheck connectionCheck;
    private final org.persistenceexplorer.service.connect.Connections connections;
    private final java.util.concurrent.atomic.AtomicReference<org.persistenceexplorer.service.connect.ConnectionProfile> profile;
    private final StatementLog statementLog = new StatementLog();
    private final org.persistenceexplorer.service.log.ActionTotals actionTotals =
            new org.persistenceexplorer.service.log.ActionTotals();
    /** Rows the app changed (the Tables tab says so, the org chart's profile cache listens). */
    private final RowChanges rowChanges = new RowChanges();
    private final SqlEngine sql;
    private final GraphEngine graph;
    private final OrmSessions orm;
    private final HrGenerator hrGenerator;
    private final MigrationTracks migrations;
    private final LoadingLab loadingLab;
    private final TransactionsLab transactionsLab;
    private final LogVerdicts verdicts;
    private final EngineWatch watch;
    private final StartupSequence startup;
    private final ServerReconciliation reconciliation;
    private final AtomicBoolean closed = new AtomicBoolean();
    private static final java.time.Duration MAIN_WINDOW_WAIT = java.time.Duration.ofSeconds(15);
    private volatile long mainWindowWaitMillis = MAIN_WINDOW_WAIT.toMillis();
    private volatile CompletableFuture<Void> mainWindow = CompletableFuture.completedFuture(null);
    /** Counted down when the first close has stopped everything; later callers wait for it. */
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    public AppContext(EngineSettings settings, RootPolicy rootPolicy) {
        this(settings, rootPolicy, org.persistenceexplorer.service.connect.ConnectionProfile.EMBEDDED);
    }

    /**
     * @param profile the connection profile the settings come from (the embedded pair, or what the
     *                launch flags describe when they name external servers)
     */
    public AppContext(EngineSettings settings, RootPolicy rootPolicy,
                      org.persistenceexplorer.service.connect.ConnectionProfile profile) {
        this.settings = settings;
        this.profile = new java.util.concurrent.atomic.AtomicReference<>(profile);
        this.profiles = new org.persistenceexplorer.service.connect.ProfileStore(settings.dataDirectory());
        this.connectionCheck = new org.persistenceexplorer.service.connect.ConnectionCheck(recorder,
                this::restartReconciliation);
        this.connections = new org.persistenceexplorer.service.connect.Connections(profiles,
                org.persistenceexplorer.service.connect.PgPass.standard(), connectionCheck, this::switchTo, this.profile::get);
        recorder.addListener(statementLog);
        recorder.addListener(actionTotals);
        this.sql = new SqlEngine(settings, recorder, rootPolicy);
        this.graph = new GraphEngine(settings, recorder);
        this.watch = new EngineWatch(sql, graph);
        this.orm = new OrmSessions(sql::dataSource, java.util.stream.Stream.of(
                HrModel.ENTITIES, LabModel.ENTITIES, ShopModel.ENTITIES).flatMap(List::stream).toList());
        this.verdicts = new LogVerdicts(statementLog, orm::relationshipNames);
        this.loadingLab = new LoadingLab(orm, sql::dataSource, recorder, verdicts);
        this.hrGenerator = new HrGenerator(sql::dataSource);
        this.transactionsLab = new TransactionsLab(sql::dataSource, sql::openSidePool, orm, recorder);
        // Autogenerated migrations are saved into track copies under the data folder (decision 0028).
        this.migrations = new MigrationTracks(sql::dataSource, "", settings.dataDirectory().resolve("migrations"),
                org.persistenceexplorer.service.migrations.TrackModels.BUNDLED);
        this.startup = new StartupSequence(startupSteps());
        this.reconciliation = new ServerReconciliation(statementLog,
                ServerCounter.of(sql::readServerStatements, sql::resetServerStatements), recorder::inFlight);
    }

    /** A connection Test ran statements on another server: the count comparison starts again. */
    private void restartReconciliation() {
        reconciliation.restartWindow();
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
                "startup: migrate hr", true, List.of("pg-start"), () -> sql.readOnly()
                        // Nothing is created on a server the app does not own without the user's yes.
                        ? "skipped: " + sql.status().address() + " is read-only for this profile (no HR sample written)"
                        : sql.migrateHr().describe()));
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
                "startup: import org graph", false, List.of("neo4j-start", "hr-migrate"), () -> {
                    if (!withHrSample(sql.settings())) {
                        graph.upWithoutImport();
                        return "skipped: a read-only profile; the Org Chart maps the graph's own labels";
                    }
                    return describe(graph.importOrgGraph(sql.dataSource()));
                }));
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

    /**
     * Like {@link #holdBackgroundStepsUntilTheMainWindowIsShown()}, but without the time limit: for
     * a scripted quit at the window (the build's cache training), which must not start Hibernate or
     * Neo4j even when the window takes minutes on a loaded machine. Call before startup runs.
     */
    public void holdBackgroundStepsUntilQuit() {
        mainWindow = new CompletableFuture<>();
        mainWindowWaitMillis = Long.MAX_VALUE;
    }

    /** The main window is on screen: the background steps may go. Any thread; idempotent. */
    public void mainWindowShown() {
        mainWindow.complete(null);
    }

    private void awaitMainWindow() throws InterruptedException {
        try {
            // Bounded: if the window never says so (it failed to build), start anyway.
            mainWindow.get(mainWindowWaitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Background steps start without the main window: {}", e.toString());
        }
    }

    /** The HR sample is in PostgreSQL and may be imported into Neo4j: neither is a read-only server. */
    private static boolean withHrSample(EngineSettings settings) {
        return !settings.postgresReadOnly() && !settings.neo4jReadOnly();
    }

    /**
     * Moves both engines to the profile's servers: blocking, call off the FX thread (a task).
     * PostgreSQL first, then Neo4j; when either cannot be reached, both go back to the profile
     * used so far and the reason is thrown, so the previous profile stays usable. The switch
     * shows in the statement log as the statements run under the caller's action (the new pool's
     * session set-up and one {@code SELECT} naming the server that answered). The profile is
     * remembered as the one to start with next time.
     *
     * @param neo4jPassword the password the user gave this run for the profile's Neo4j, or null
     */
    public void switchTo(org.persistenceexplorer.service.connect.ConnectionProfile next, String neo4jPassword)
            throws org.persistenceexplorer.store.engine.EngineStartException, java.io.IOException, java.sql.SQLException {
        EngineSettings before = settings;
        EngineSettings after = next.settings(before.dataDirectory(), neo4jPassword);
        sql.switchTo(after);
        try {
            graph.switchTo(after);
        } catch (org.persistenceexplorer.store.engine.EngineStartException e) {
            sql.switchTo(before);
            finishGraph(before);
            throw e;
        }
        settings = after;
        profile.set(next);
        finishGraph(after);
        try (var c = sql.dataSource().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT current_database(), version()")) {
            r.next();
        }
        if (next.external() || profiles.file().toFile().exists()) {
            profiles.rememberLastUsed(next.name());
        }
    }

    private void finishGraph(EngineSettings now) throws java.sql.SQLException {
        if (withHrSample(now) && now.embeddedPostgres()) {
            graph.importOrgGraph(sql.dataSource());
        } else {
            graph.upWithoutImport();
        }
    }

    /** The profile the engines run on now. */
    public org.persistenceexplorer.service.connect.ConnectionProfile profile() {
        return profile.get();
    }

    /** The user's saved connection profiles (the embedded pair first). */
    public org.persistenceexplorer.service.connect.ProfileStore profiles() {
        return profiles;
    }

    /** The Connect dialog's service: profiles, Test, ~/.pgpass, and the switch of this context's engines. */
    public org.persistenceexplorer.service.connect.Connections connections() {
        return connections;
    }

    /** The Connect dialog's Test buttons. */
    public org.persistenceexplorer.service.connect.ConnectionCheck connectionCheck() {
        return connectionCheck;
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

    /** Totals per action with a reset of their own (the log keeps its records). */
    public org.persistenceexplorer.service.log.ActionTotals actionTotals() {
        return actionTotals;
    }

    /** The capture's own CPU cost per statement, measured live on a sample of statements. */
    public org.persistenceexplorer.domain.statement.CaptureCost captureCost() {
        return recorder.cost().reading();
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

    /** The transactions lab (sessions A, B, C on a pool of its own, the anomaly matrix, the shop's lessons). */
    public TransactionsLab transactionsLab() {
        return transactionsLab;
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
            transactionsLab.close(); // rolls back what its sessions hold open, before the pools close
        } catch (RuntimeException e) {
            LOG.warn("The transactions lab did not close cleanly: {}", e.toString());
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
