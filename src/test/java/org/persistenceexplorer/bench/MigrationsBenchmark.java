package org.persistenceexplorer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.persistenceexplorer.domain.schema.SchemaSnapshot;
import org.persistenceexplorer.service.migrations.MigrationTracks;
import org.persistenceexplorer.service.migrations.SchemaLayout;
import org.persistenceexplorer.service.migrations.TrackTimeline;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.sql.PostgresEndpoint;
import org.persistenceexplorer.testsupport.TestEngines;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Migrations tab's figures, on the shared test server in one run:
 * {@code migrations.migrate_1000_ratio} (1,000 trivial versioned scripts migrated through the
 * app's service on the captured pool, over the same through Flyway's API alone on a plain
 * DataSource; target at most 1.2) and {@code migrations.open_track_50_ms} (opening a track of
 * 50 versions: every version's schema from a scratch copy (one migrate, the catalog read after each script), the history, the live schema, and
 * the diagram of the last version laid out; informative) and {@code migrations.max_stall_ms} (the FX
 * thread's longest stall in the tab's scripted scenario, {@link MigrationsStallScenario}; target below 50).
 */
final class MigrationsBenchmark implements BenchmarkSection {

    private static final int SCRIPTS = 1000;
    private static final int OPEN_VERSIONS = 50;
    private static final int ROUNDS = Integer.getInteger("bench.migrations.rounds", 7);

    @Override
    public String title() {
        return "Migrations";
    }

    @Override
    public BenchmarkReport.Section run() throws Exception {
        String prefix = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
        DataSource captured = TestEngines.sql().database().dataSource();
        PostgresEndpoint endpoint = TestEngines.sql().server().endpoint();
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(endpoint.jdbcUrl());
        plain.setUser(endpoint.user());
        plain.setPassword(endpoint.password());
        // The pool's one JDBC setting that changes what the server does (decision 0003): with it
        // the same Flyway run shows how much of the app's extra time is the parse per execution.
        PGSimpleDataSource unnamed = new PGSimpleDataSource();
        unnamed.setURL(endpoint.jdbcUrl());
        unnamed.setUser(endpoint.user());
        unnamed.setPassword(endpoint.password());
        unnamed.setPrepareThreshold(0);
        MigrationTracks tracks = new MigrationTracks(() -> captured, prefix);
        Path warm = folder(20, "warm");
        List<Path> big = new ArrayList<>();
        Path fifty = folder(OPEN_VERSIONS, "fifty");
        try (WorkContext.Scope ignored = WorkContext.enter("benchmark: migrations")) {
            // Warm-up of both paths (class loading, JIT), not measured.
            flywayAlone(plain, warm, prefix + "warm_plain");
            tracks.migrate(tracks.addFolder(warm), null);

            // Rounds with the order alternating (Flyway first, then the app first, ...). Each timed
            // run starts from the same server state: its schema fresh, the previous run's schema
            // dropped (no run meets a catalog 1,000 tables bigger) and a CHECKPOINT just before, so
            // the server's WAL flushing and checkpoints of earlier runs do not land inside this one
            // (the same Flyway run took 3.8-8.9 s between rounds without it). Ratio of the medians.
            List<Double> flywayRuns = new ArrayList<>();
            List<Double> appRuns = new ArrayList<>();
            List<Double> unnamedRuns = new ArrayList<>();
            cpuMs.clear();
            for (int round = 0; round < ROUNDS; round++) {
                Path folder = folder(SCRIPTS, "big" + round);
                big.add(folder);
                String plainSchema = prefix + "plain" + round;
                if (round % 2 == 0) {
                    flywayRuns.add(timeFlywayAlone(plain, folder, plainSchema));
                    appRuns.add(timeApp(tracks, folder, plain));
                } else {
                    appRuns.add(timeApp(tracks, folder, plain));
                    flywayRuns.add(timeFlywayAlone(plain, folder, plainSchema));
                }
                unnamedRuns.add(timeFlywayAlone(unnamed, folder, plainSchema + "_unnamed", 2));
            }
            // The client thread's CPU per run (Flyway, the pool, the capture): what the app adds on
            // this side, much less blurred by other load on the machine than the wall clock.
            double unnamedMs = Median.of(unnamedRuns.stream().mapToDouble(Double::doubleValue).toArray());
            double flywayCpuMs = Median.of(cpuMs.stream().filter(c -> c[0] == 0).mapToDouble(c -> c[1]).toArray());
            double appCpuMs = Median.of(cpuMs.stream().filter(c -> c[0] == 1).mapToDouble(c -> c[1]).toArray());
            double flywayMs = Median.of(flywayRuns.stream().mapToDouble(Double::doubleValue).toArray());
            double appMs = Median.of(appRuns.stream().mapToDouble(Double::doubleValue).toArray());
            double ratio = appMs / flywayMs;

            String fiftyName = tracks.addFolder(fifty);
            tracks.migrate(fiftyName, null);
            long t2 = System.nanoTime();
            TrackTimeline opened = tracks.open(fiftyName, Progress.NONE);
            SchemaSnapshot last = opened.snapshotAt(String.valueOf(OPEN_VERSIONS));
            SchemaLayout.of(opened.snapshotAt(opened.previous(String.valueOf(OPEN_VERSIONS))), last);
            double openMs = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            tracks.open(fiftyName, Progress.NONE);
            double reopenMs = (System.nanoTime() - t3) / 1e6;

            // The scenario twice, in windows of its own and schemas of its own: the JVM's first time
            // (the tab's controls, skins and CSS code run for the first time: informative, as the
            // console's first view), then the figure, the tab as it behaves once it has been used.
            Path coldDrafts = Files.createTempDirectory("pe-bench-drafts-");
            Path drafts = Files.createTempDirectory("pe-bench-drafts-");
            MigrationsStallScenario.Outcome cold;
            MigrationsStallScenario.Outcome stall;
            try {
                boolean runStall = Boolean.parseBoolean(System.getProperty("bench.migrations.stall", "true"));
                cold = runStall ? MigrationsStallScenario.run(prefix + "ui0_", coldDrafts) : MigrationsStallScenario.Outcome.skipped();
                stall = runStall ? MigrationsStallScenario.run(prefix + "ui_", drafts) : MigrationsStallScenario.Outcome.skipped();
            } finally {
                TestEngines.deleteFolder(coldDrafts);
                TestEngines.deleteFolder(drafts);
            }

            String markdown = String.format(Locale.ROOT, """
                    | measurement | value |
                    |---|---|
                    | %d trivial scripts, Flyway's API alone (plain DataSource), median of %d (CHECKPOINT before each, fresh schema, order alternating) | %.0f ms (%s) |
                    | the same through the app's migration service (captured pool), median of %d | %.0f ms (%s) |
                    | ratio app / Flyway | %.2f |
                    | CPU of the migrating thread, median: Flyway alone / the app (informative) | %.0f ms / %.0f ms |
                    | Flyway alone with `prepareThreshold=0` (the pool's setting), median, informative | %.0f ms (%s) |
                    | open a track of %d versions (scratch copy in one migrate, catalog read after each version; history, live schema, diagram) | %.0f ms |
                    | open it again (versions cached until the files change) | %.0f ms |
                    | FX thread's longest stall in the tab's scripted scenario (blog up, read V3, back to 1; hr-copy, model v2, autogenerate, rename, save and apply), its second run in this JVM | %d ms (%d pulses; longest in "%s") |
                    | the same, the JVM's first run just before (informative) | %d ms (longest in "%s"; most FX CPU in one stall %d ms, in "%s") |
                    | the FX thread's CPU over the whole scenario (informative: the work asked of it, less blurred by load) | %d ms |
                    | the most FX-thread CPU while one pulse waited (the longest busy stretch; informative) | %d ms (in "%s") |
                    """, SCRIPTS, ROUNDS, flywayMs, runs(flywayRuns), ROUNDS, appMs, runs(appRuns), ratio, flywayCpuMs, appCpuMs, unnamedMs, runs(unnamedRuns), OPEN_VERSIONS, openMs, reopenMs, stall.maxMs(), stall.pulses(),
                    stall.worstPhase(), cold.maxMs(), cold.worstPhase(), cold.maxBusyMs(), cold.busiestPhase(), stall.fxCpuMs(), stall.maxBusyMs(), stall.busiestPhase()) + "\nStalls per phase of the scenario:\n\n- " + String.join("\n- ", stall.phases()) + "\n"
                    + (stall.worstTrace().isBlank() ? "" : "\nThe FX thread during the longest stall:\n\n```\n" + stall.worstTrace().strip() + "\n```\n");
            List<Figure> figures = new ArrayList<>(List.of(
                    Figure.of("migrations.migrate_1000_ratio", ratio, "ratio", Figure.Target.atMost("1.2")),
                    Figure.of("migrations.open_track_50_ms", openMs, "ms", Figure.Target.informative())));
            figures.addAll(StallFigures.of("migrations.max_stall_ms", stall.maxMs(), stall.worstCause()));
            figures.add(Figure.of("migrations.max_busy_fx_cpu_ms", stall.maxBusyMs(), "ms", Figure.Target.informative()));
            figures.add(Figure.of("migrations.max_stall_ms_first_run", cold.maxMs(), "ms", Figure.Target.informative()));
            return new BenchmarkReport.Section(title(), markdown, figures);
        } finally {
            dropSchemas(captured, prefix);
            big.add(warm);
            big.add(fifty);
            for (Path p : big) {
                TestEngines.deleteFolder(p);
            }
        }
    }

    /** {kind (0 Flyway alone, 1 the app, 2 Flyway alone with prepareThreshold=0), CPU ms} per timed run of this section. */
    private static final List<double[]> cpuMs = new ArrayList<>();

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double timeFlywayAlone(DataSource plain, Path folder, String schema) throws Exception {
        return timeFlywayAlone(plain, folder, schema, 0);
    }

    private static double timeFlywayAlone(DataSource plain, Path folder, String schema, int kind) throws Exception {
        checkpoint(plain);
        long cpu = cpuNanos();
        long t0 = System.nanoTime();
        flywayAlone(plain, folder, schema);
        double ms = (System.nanoTime() - t0) / 1e6;
        cpuMs.add(new double[] {kind, (cpuNanos() - cpu) / 1e6});
        drop(plain, schema);
        return ms;
    }

    private static double timeApp(MigrationTracks tracks, Path folder, DataSource plain) throws Exception {
        String name = tracks.addFolder(folder);
        checkpoint(plain);
        long cpu = cpuNanos();
        long t0 = System.nanoTime();
        String version = tracks.migrate(name, null);
        double ms = (System.nanoTime() - t0) / 1e6;
        cpuMs.add(new double[] {1, (cpuNanos() - cpu) / 1e6});
        if (!String.valueOf(SCRIPTS).equals(version)) {
            throw new IllegalStateException("the app's migrate ended at version " + version);
        }
        drop(plain, tracks.schemaOf(name));
        return ms;
    }

    /** Writes out everything earlier runs left dirty, so no checkpoint lands inside the next timed run. Uncaptured. */
    private static void checkpoint(DataSource plain) throws Exception {
        try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static void drop(DataSource plain, String schema) throws Exception {
        try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    private static String runs(List<Double> ms) {
        return String.join(", ", ms.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static void flywayAlone(DataSource plain, Path folder, String schema) {
        Flyway.configure().dataSource(plain).locations("filesystem:" + folder.toAbsolutePath())
                .schemas(schema).defaultSchema(schema).createSchemas(true).loggers("slf4j").load().migrate();
    }

    /** Each version adds one table: a step with a visible effect, as small as steps come. */
    private static Path folder(int scripts, String name) throws Exception {
        Path folder = Files.createTempDirectory("pe-bench-" + name + "-");
        for (int i = 1; i <= scripts; i++) {
            Files.writeString(folder.resolve("V" + i + "__step_" + i + ".sql"), "CREATE TABLE t" + i + " (id int);\n");
        }
        return folder;
    }

    private static void dropSchemas(DataSource ds, String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String n : names) {
                s.execute("DROP SCHEMA \"" + n + "\" CASCADE");
            }
        }
    }
}
