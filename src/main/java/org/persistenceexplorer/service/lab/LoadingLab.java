package org.persistenceexplorer.service.lab;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.hibernate.LazyInitializationException;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.persistenceexplorer.domain.lab.Department;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.log.LogVerdicts;
import org.persistenceexplorer.service.log.Verdict;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.orm.SessionOptions;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The loading lab: runs a scenario with a strategy in a Hibernate session of its own and
 * measures what it cost, from the capture layer (the same records the log shows, so the lab's
 * numbers and the log's agree, and both agree with pg_stat_statements). Each run gets its own
 * action label, e.g. "lab: Department.employees · lazy (N=100)". Blocking: call off the FX
 * thread; runs of one lab may come from several threads, each run stays on the thread it
 * started on.
 */
public final class LoadingLab {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final OrmSessions orm;
    private final StatementRecorder recorder;
    private final LabData data;
    private final Supplier<DataSource> dataSource;

    private final LogVerdicts verdicts;

    public LoadingLab(OrmSessions orm, Supplier<DataSource> dataSource, StatementRecorder recorder) {
        this(orm, dataSource, recorder, null);
    }

    /** @param verdicts where the lab reports the unused eager loads it can tell (the log cannot), or null */
    public LoadingLab(OrmSessions orm, Supplier<DataSource> dataSource, StatementRecorder recorder, LogVerdicts verdicts) {
        this.orm = orm;
        this.recorder = recorder;
        this.data = new LabData(dataSource);
        this.dataSource = dataSource;
        this.verdicts = verdicts;
    }

    /** Seeds the lab's schema with N departments (10..10,000) unless it holds them already. */
    public void seed(int parents) throws java.sql.SQLException {
        data.ensure(parents);
    }

    /** Every strategy on the scenario, one after another, each in its own session. */
    public List<LabRun> runAll(Scenario scenario, int parents, int batchSize, int simulatedDelayMs) throws Exception {
        List<LabRun> runs = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            if (WorkContext.cancelled()) {
                break;
            }
            runs.add(run(scenario, strategy, parents, batchSize, simulatedDelayMs));
        }
        return runs;
    }

    /**
     * Seeds if needed, then runs one strategy. A LazyInitializationException (the lesson of
     * {@link Strategy#LAZY_AFTER_CLOSE}) is the run's {@code error}, not a failure; anything else throws.
     */
    public LabRun run(Scenario scenario, Strategy strategy, int parents, int batchSize, int simulatedDelayMs)
            throws Exception {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("The batch size must be between 1 and 1000, not " + batchSize + ".");
        }
        if (simulatedDelayMs < 0 || simulatedDelayMs > 100) {
            throw new IllegalArgumentException("The simulated delay must be between 0 and 100 ms, not " + simulatedDelayMs + ".");
        }
        data.ensure(parents);
        String action = "lab: " + scenario.relationship() + " · " + strategy.label().toLowerCase(java.util.Locale.ROOT)
                + (strategy == Strategy.BATCH ? " " + batchSize : "") + " (N=" + parents + ")";
        RunRecorder run = new RunRecorder(Thread.currentThread(), simulatedDelayMs);
        recorder.addListener(run);
        try (WorkContext.Scope ignored = WorkContext.enter(action)) {
            return execute(scenario, strategy, parents, batchSize, simulatedDelayMs, action, run);
        } finally {
            recorder.removeListener(run);
        }
    }

    private LabRun execute(Scenario scenario, Strategy strategy, int parents, int batchSize, int delayMs,
                           String action, RunRecorder run) {
        SessionOptions options = switch (strategy) {
            case BATCH -> SessionOptions.DEFAULTS.withFetchBatchSize(batchSize);
            case SUBSELECT -> SessionOptions.DEFAULTS.withSubselectFetching(true);
            default -> SessionOptions.DEFAULTS;
        };
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        String error = null;
        long entities;
        List<?> owners;
        int unused = 0;
        Session session = orm.openSession(options);
        // The lab's entities are cacheable for the cache lesson; every other run must reach the server.
        session.setCacheMode(org.hibernate.CacheMode.IGNORE);
        try {
            Transaction tx = session.beginTransaction();
            try {
                run.line = loadLine(scenario, strategy);
                owners = scenario.load(session, strategy, parents);
                if (strategy != Strategy.LAZY_AFTER_CLOSE) {
                    run.line = scenario.touchLine();
                    for (Object owner : owners) {
                        scenario.touch(owner);
                    }
                    unused = unusedEagerLoads(owners);
                }
                run.line = "transaction.commit()";
                tx.commit();
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
            entities = session.getStatistics().getEntityCount();
        } finally {
            session.close();
        }
        if (strategy == Strategy.LAZY_AFTER_CLOSE) {
            run.line = scenario.touchLine() + "  // after session.close()";
            try {
                for (Object owner : owners) {
                    scenario.touch(owner);
                }
            } catch (LazyInitializationException e) {
                error = "LazyInitializationException: " + e.getMessage()
                        + " — the session that loaded these objects is closed, so Hibernate cannot send the "
                        + "SELECT for " + scenario.relationship() + ". Load it while the session is open "
                        + "(join fetch, entity graph) instead.";
            }
        }
        long wall = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        List<String> unusedLoads = unused == 0 ? List.of() : List.of(scenario.relationship() + " x" + unused);
        if (unused > 0 && verdicts != null) {
            verdicts.report(new Verdict(Verdict.Kind.UNUSED_EAGER_LOAD, action, scenario.relationship(), unused,
                    "Remove the fetch of " + scenario.relationship() + " here: the code read only "
                            + scenario.touchLine() + ", never the " + unused + " loaded collections.",
                    "lab.department"));
        }
        return new LabRun(scenario, strategy, parents, batchSize, action, run.statements, entities, wall, allocated,
                delayMs, error, unusedLoads);
    }

    private static String loadLine(Scenario scenario, Strategy strategy) {
        String type = scenario == Scenario.DEPARTMENTS_EMPLOYEES || scenario == Scenario.DEPARTMENT_NAMES
                || scenario == Scenario.DEPARTMENTS_EMPLOYEES_PROJECTS ? "Department" : "Employee";
        return switch (strategy) {
            case JOIN_FETCH -> "session.createSelectionQuery(\"select … left join fetch …\", " + type + ".class).getResultList()";
            case ENTITY_GRAPH -> "query.setEntityGraph(graph, GraphSemantic.FETCH).getResultList()";
            default -> "session.createSelectionQuery(\"from Lab" + type + " …\", " + type + ".class).getResultList()";
        };
    }

    /**
     * Departments whose employees were loaded although the code never asked for them. Only the
     * lab's Department records its reads; for other entities Hibernate alone cannot tell whether
     * loaded data was used (it knows what is initialised, not what was read).
     */
    private static int unusedEagerLoads(List<?> owners) {
        int unused = 0;
        for (Object owner : owners) {
            if (owner instanceof Department d && Hibernate.isInitialized(d.employeesUnread()) && !d.employeesWereRead()) {
                unused++;
            }
        }
        return unused;
    }

    /**
     * The bulk lesson: every lab employee (3 per department) gets 5 % more, three ways — through
     * the ORM one UPDATE per row, the same with JDBC batching (50 per batch), and one HQL bulk
     * UPDATE, which bypasses the session: an employee loaded before it keeps the old salary
     * (stale) until refreshed. Each way runs in a transaction that is rolled back, so the lab's
     * data stays as seeded; the server still executed (and counted) every statement.
     */
    public List<BulkRun> raiseSalaries(int parents) throws Exception {
        data.ensure(parents);
        List<BulkRun> runs = new ArrayList<>();
        runs.add(bulk("ORM, one UPDATE per row", "lab: bulk · per row (N=" + parents + ")", 1, false));
        runs.add(bulk("ORM with JDBC batching (50)", "lab: bulk · batched (N=" + parents + ")", 50, false));
        runs.add(bulk("One HQL bulk UPDATE", "lab: bulk · HQL update (N=" + parents + ")", 1, true));
        return runs;
    }

    private BulkRun bulk(String way, String action, int jdbcBatch, boolean hql) {
        RunRecorder run = new RunRecorder(Thread.currentThread(), 0);
        recorder.addListener(run);
        long start = System.nanoTime();
        long rows;
        String stale = "";
        try (WorkContext.Scope ignored = WorkContext.enter(action);
             Session session = orm.openSession(SessionOptions.DEFAULTS.withJdbcBatchSize(jdbcBatch))) {
            session.setCacheMode(org.hibernate.CacheMode.IGNORE);
            Transaction tx = session.beginTransaction();
            try {
                if (hql) {
                    run.line = "session.find(Employee.class, 1L)  // loaded before the bulk update";
                    org.persistenceexplorer.domain.lab.Employee first =
                            session.find(org.persistenceexplorer.domain.lab.Employee.class, 1L);
                    java.math.BigDecimal before = first.getSalary();
                    run.line = "session.createMutationQuery(\"update LabEmployee e set e.salary = e.salary * 1.05\").executeUpdate()";
                    rows = session.createMutationQuery("update LabEmployee e set e.salary = e.salary * 1.05").executeUpdate();
                    run.line = "session.createSelectionQuery(\"select e.salary from LabEmployee e where e.id = 1\")";
                    java.math.BigDecimal inDatabase = session.createSelectionQuery(
                            "select e.salary from LabEmployee e where e.id = 1", java.math.BigDecimal.class).getSingleResult();
                    stale = "Stale: the session's Employee 1 still earns " + first.getSalary() + " (loaded before), "
                            + "the database says " + inDatabase + ". A bulk update bypasses the session: "
                            + "refresh or clear it afterwards." + (before.equals(first.getSalary()) ? "" : "");
                } else {
                    run.line = "session.createSelectionQuery(\"from LabEmployee\").getResultList()";
                    List<org.persistenceexplorer.domain.lab.Employee> people = session.createSelectionQuery(
                            "from LabEmployee e order by e.id", org.persistenceexplorer.domain.lab.Employee.class).getResultList();
                    run.line = "employee.setSalary(employee.getSalary().multiply(1.05))";
                    for (org.persistenceexplorer.domain.lab.Employee e : people) {
                        e.setSalary(e.getSalary().multiply(new java.math.BigDecimal("1.05")));
                    }
                    rows = people.size();
                    run.line = "session.flush()";
                    session.flush();
                }
                run.line = "transaction.rollback()  // the lab's data stays as seeded";
                tx.rollback();
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } finally {
            recorder.removeListener(run);
        }
        long wall = System.nanoTime() - start;
        long executions = 0;
        long trips = 0;
        for (CapturedStatement s : run.captured) {
            if (s.kind() == org.persistenceexplorer.domain.statement.StatementKind.UPDATE) {
                executions += s.executions();
                trips++;
            }
        }
        return new BulkRun(way, rows, run.statements, executions, trips, wall, stale);
    }

    /**
     * The second-level cache lesson: the same read three times, each in a new session with the
     * cache on — find each of the N departments by id and count its employees. Cold: every
     * entity and collection comes from the server and is put in the cache. Warm: no statement at
     * all. After an HQL bulk UPDATE of the employees (committed, then undone by a second one, so
     * the lab's salaries stay as seeded): Hibernate cannot tell which cached rows changed and
     * empties the employee and Department.employees regions, so the third read goes back to the
     * server for them. Hits / misses / puts are the factory's statistics over each read.
     */
    public List<CacheRun> secondLevelCache(int parents) throws Exception {
        data.ensure(parents);
        org.hibernate.SessionFactory factory = orm.factory();
        factory.getCache().evictAllRegions();
        List<CacheRun> runs = new ArrayList<>();
        runs.add(cachedRead("Cold cache: first read", "lab: cache · cold (N=" + parents + ")", parents, factory));
        runs.add(cachedRead("Warm cache: same read again", "lab: cache · warm (N=" + parents + ")", parents, factory));
        try (WorkContext.Scope ignored = WorkContext.enter("lab: cache · bulk update (N=" + parents + ")")) {
            orm.inTransaction(SessionOptions.DEFAULTS, s -> s.createMutationQuery(
                    "update LabEmployee e set e.salary = e.salary + 1").executeUpdate());
            orm.inTransaction(SessionOptions.DEFAULTS, s -> s.createMutationQuery(
                    "update LabEmployee e set e.salary = e.salary - 1").executeUpdate());
        }
        runs.add(cachedRead("After a bulk UPDATE of employees", "lab: cache · after bulk update (N=" + parents + ")",
                parents, factory));
        runs.addAll(outsideWrite(parents, factory));
        return runs;
    }

    /** What the console's write does to the lab's department 1 (and undoes afterwards). */
    static final String OUTSIDE_WRITE = "UPDATE lab.department SET name = name || ' (renamed in SQL)' WHERE id = 1";
    private static final String OUTSIDE_UNDO = "UPDATE lab.department SET name = 'Department 1' WHERE id = 1";

    /**
     * A write Hibernate never sees: a plain SQL UPDATE of department 1 through the captured pool,
     * as the Query Console sends it. The second-level cache is not told, so the next read still
     * gets the old name from the cache, with no statement (stale, shown side by side with what
     * the database says); evicting the entry makes the read after it go to the server and see
     * the new name. The rename is undone afterwards (and the entry evicted again).
     */
    private List<CacheRun> outsideWrite(int parents, org.hibernate.SessionFactory factory) throws Exception {
        List<CacheRun> runs = new ArrayList<>();
        try (WorkContext.Scope ignored = WorkContext.enter("lab: cache · SQL UPDATE outside Hibernate (as the console does)")) {
            sql(OUTSIDE_WRITE);
        }
        try {
            CacheRun stale = cachedRead("After an SQL UPDATE outside Hibernate",
                    "lab: cache · after SQL UPDATE (N=" + parents + ")", parents, factory);
            String cached = cachedName(factory);
            String database = databaseName();
            runs.add(stale.withNote(cached.equals(database) ? "Not stale: the cache and the database agree on \"" + cached + "\"."
                    : "Stale: the cache still says \"" + cached + "\", the database says \"" + database + "\". "
                    + "Hibernate cannot know about SQL it did not send (console, psql, another app): "
                    + "evict the entry, or let it expire."));
            factory.getCache().evictEntityData(Department.class, 1L);
            CacheRun evicted = cachedRead("After evicting Department 1", "lab: cache · after evict (N=" + parents + ")",
                    parents, factory);
            runs.add(evicted.withNote("factory.getCache().evictEntityData(Department.class, 1L): the read went to the "
                    + "server for department 1 and now says \"" + cachedName(factory) + "\"."));
        } finally {
            try (WorkContext.Scope ignored = WorkContext.enter("lab: cache · undo the SQL UPDATE")) {
                sql(OUTSIDE_UNDO);
            }
            factory.getCache().evictEntityData(Department.class, 1L);
        }
        return runs;
    }

    /** Empties the lab's second-level cache, e.g. after a write from the console that Hibernate did not see. */
    public void evictCache() {
        orm.factory().getCache().evictAllRegions();
    }

    private void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.get().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** Department 1's name as the second-level cache answers it (no statement when cached). */
    private String cachedName(org.hibernate.SessionFactory factory) {
        try (Session session = orm.openSession(SessionOptions.DEFAULTS)) {
            session.setCacheMode(org.hibernate.CacheMode.GET);
            return session.find(Department.class, 1L).getName();
        }
    }

    private String databaseName() throws java.sql.SQLException {
        try (WorkContext.Scope ignored = WorkContext.enter("lab: cache · what the database says");
             java.sql.Connection c = dataSource.get().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT name FROM lab.department WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : "(no department 1)";
        }
    }

    private CacheRun cachedRead(String label, String action, int parents, org.hibernate.SessionFactory factory) {
        RunRecorder run = new RunRecorder(Thread.currentThread(), 0);
        org.hibernate.stat.Statistics stats = factory.getStatistics();
        long hits = stats.getSecondLevelCacheHitCount();
        long misses = stats.getSecondLevelCacheMissCount();
        long puts = stats.getSecondLevelCachePutCount();
        long start = System.nanoTime();
        recorder.addListener(run);
        long employees = 0;
        try (WorkContext.Scope ignored = WorkContext.enter(action);
             Session session = orm.openSession(SessionOptions.DEFAULTS)) {
            session.setCacheMode(org.hibernate.CacheMode.NORMAL);
            Transaction tx = session.beginTransaction();
            for (long id = 1; id <= parents; id++) {
                run.line = "session.find(Department.class, id)";
                Department d = session.find(Department.class, id);
                run.line = "department.getEmployees().size()";
                employees += d.getEmployees().size();
            }
            run.line = "transaction.commit()";
            tx.commit();
        } finally {
            recorder.removeListener(run);
        }
        return new CacheRun(label, action, run.statements, employees, System.nanoTime() - start,
                stats.getSecondLevelCacheHitCount() - hits, stats.getSecondLevelCacheMissCount() - misses,
                stats.getSecondLevelCachePutCount() - puts, "");
    }

    /**
     * Collects the statements of the run's own thread, with the scenario line that was running;
     * a SELECT's rows arrive when Hibernate has read its result ({@link #statementCompleted}).
     */
    private static final class RunRecorder implements StatementListener {
        private final Thread thread;
        private final int delayMs;
        private final List<LabStatement> statements = new ArrayList<>();
        private final List<CapturedStatement> captured = new ArrayList<>();
        /** Written and read on the run's thread only. */
        private String line = "";

        RunRecorder(Thread thread, int delayMs) {
            this.thread = thread;
            this.delayMs = delayMs;
        }

        @Override
        public void statementCaptured(CapturedStatement s) {
            if (Thread.currentThread() != thread) {
                return;
            }
            statements.add(new LabStatement(s.kind(), s.text(), s.parameters(), s.rows(), line));
            captured.add(s);
            if (delayMs > 0) {
                // simulated network round trip, labelled as such on screen
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void statementCompleted(CapturedStatement before, CapturedStatement after) {
            if (Thread.currentThread() != thread) {
                return;
            }
            for (int i = captured.size() - 1; i >= 0; i--) {
                if (captured.get(i) == before) {
                    captured.set(i, after);
                    LabStatement was = statements.get(i);
                    statements.set(i, new LabStatement(was.kind(), was.text(), was.parameters(), after.rows(), was.javaLine()));
                    return;
                }
            }
        }
    }
}
