package org.persistenceexplorer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.engine.EngineSettings;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.startup.StartupListener;
import org.persistenceexplorer.service.startup.StartupProblem;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.store.engine.Liveness;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.Await;

/**
 * The whole app below the UI, started twice on the same data folder with its own embedded
 * engines: the first start creates everything, the second finds it all in place and changes
 * nothing, and closing leaves no server behind.
 */
class AppContextRestartTest {

    private static final String MIGRATE_HR = "startup: migrate hr";
    private static final String IMPORT_ORG_GRAPH = "startup: import org graph";
    private static final Pattern IMPORT_SUMMARY =
            Pattern.compile("(\\d+) people: (\\d+) nodes and (\\d+) REPORTS_TO and IN_DEPARTMENT relationships created.*");

    @TempDir
    Path dataDir;

    @Test
    void secondStartOnTheSameFolderFindsEverythingInPlaceAndClosingLeavesNoServerBehind() throws Exception {
        EngineSettings settings = new EngineSettings(dataDir, null, null, null, null, null, null);

        // ---- first start: an empty folder
        Steps first = new Steps();
        long pid;
        int people;
        long coldStart = System.nanoTime();
        try (AppContext context = new AppContext(settings, RootPolicy.detect())) {
            assertThat(context.startup().run(first)).as("first start: %s", first.problems).isTrue();
            report("cold start (empty folder)", coldStart);

            assertThat(first.succeeded).containsOnlyKeys(stepIds(context));
            assertThat(context.statuses()).extracting(EngineStatus::state).containsOnly(EngineStatus.State.UP);
            assertThat(context.statementLog().countFor(MIGRATE_HR)).isPositive();
            assertThat(context.statementLog().countFor(IMPORT_ORG_GRAPH)).isPositive();
            assertThat(statementsOf(context, MIGRATE_HR)).anyMatch(s -> s.kind() == StatementKind.DDL)
                    .anyMatch(s -> s.kind() == StatementKind.INSERT);
            assertThat(first.succeeded.get("hr-migrate")).doesNotStartWith("Nothing pending");

            Matcher imported = importSummary(first);
            people = Integer.parseInt(imported.group(1));
            assertThat(people).isPositive();
            assertThat(Integer.parseInt(imported.group(2))).as("nodes created").isEqualTo(people);
            assertThat(Integer.parseInt(imported.group(3))).as("relationships created").isPositive();

            pid = postmasterPid(settings.postgresFolder());
            long closing = System.nanoTime();
            context.close();
            report("close", closing);
        }
        assertServerGone(settings.postgresFolder(), pid);

        // ---- second start: the same folder
        Steps second = new Steps();
        long warmStart = System.nanoTime();
        try (AppContext context = new AppContext(settings, RootPolicy.detect())) {
            assertThat(context.startup().run(second)).as("second start: %s", second.problems).isTrue();
            report("warm start (existing folder)", warmStart);

            assertThat(second.succeeded).containsOnlyKeys(stepIds(context));
            assertThat(context.statuses()).extracting(EngineStatus::state).containsOnly(EngineStatus.State.UP);
            assertThat(second.succeeded.get("hr-migrate")).startsWith("Nothing pending; schema at version");
            assertThat(context.sql().migrateHr().applied()).as("asked again: still nothing pending").isEmpty();
            assertThat(statementsOf(context, MIGRATE_HR)).as("the second start writes nothing to HR")
                    .noneMatch(s -> s.kind() == StatementKind.INSERT || s.kind() == StatementKind.DDL
                            || s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE);

            Matcher imported = importSummary(second);
            assertThat(Integer.parseInt(imported.group(1))).isEqualTo(people);
            assertThat(Integer.parseInt(imported.group(2))).as("nodes created").isZero();
            assertThat(Integer.parseInt(imported.group(3))).as("relationships created").isZero();
            assertThat(second.succeeded.get("graph-import")).endsWith("(HR unchanged since the last import: nothing written)");
            assertThat(statementsOf(context, IMPORT_ORG_GRAPH)).as("one SQL read of the people, one Cypher read of the last import")
                    .extracting(CapturedStatement::kind).containsExactlyInAnyOrder(StatementKind.SELECT, StatementKind.CYPHER_READ);

            pid = postmasterPid(settings.postgresFolder());
            context.close();
            context.close();
            assertThat(context.statuses()).extracting(EngineStatus::state).containsOnly(EngineStatus.State.STOPPED);
        }
        assertServerGone(settings.postgresFolder(), pid);
    }

    private static List<String> stepIds(AppContext context) {
        return context.startup().steps().stream().map(StartupStep::id).toList();
    }

    private static List<CapturedStatement> statementsOf(AppContext context, String action) {
        return context.statementLog().all().stream().filter(s -> action.equals(s.action())).toList();
    }

    private static Matcher importSummary(Steps steps) {
        String summary = steps.succeeded.get("graph-import");
        Matcher matcher = IMPORT_SUMMARY.matcher(summary);
        assertThat(matcher.matches()).as("import summary '%s'", summary).isTrue();
        return matcher;
    }

    private static long postmasterPid(Path postgresFolder) throws java.io.IOException {
        Path pidFile = postgresFolder.resolve("postmaster.pid");
        assertThat(pidFile).as("the server runs").exists();
        return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
    }

    /**
     * The server removes postmaster.pid just before its process ends, and the ended process
     * may linger as a zombie until init reaps it: wait until it no longer runs (the limit only
     * keeps a broken build from hanging).
     */
    private static void assertServerGone(Path postgresFolder, long pid) throws Exception {
        assertThat(postgresFolder.resolve("postmaster.pid")).as("postmaster.pid removed on close").doesNotExist();
        Await.until(Duration.ofSeconds(30), () -> !Liveness.processRunning(pid), "postgres (pid " + pid + ") has stopped");
    }

    private static void report(String what, long since) {
        System.out.println("app context timing: " + what + " " + (System.nanoTime() - since) / 1_000_000 + " ms");
    }

    /** The startup screen's view: each step's summary or problem. */
    private static final class Steps implements StartupListener {
        final Map<String, String> succeeded = new ConcurrentHashMap<>();
        final Map<String, StartupProblem> problems = new ConcurrentHashMap<>();

        @Override
        public void started(StartupStep step) {
        }

        @Override
        public void succeeded(StartupStep step, Duration took, String summary) {
            succeeded.put(step.id(), summary);
            System.out.println("app context step: " + step.id() + " took " + took.toMillis() + " ms: " + summary);
        }

        @Override
        public void failed(StartupStep step, Duration took, StartupProblem problem) {
            problems.put(step.id(), problem);
        }

        @Override
        public void skipped(StartupStep step, String reason) {
            problems.put(step.id(), new StartupProblem("skipped: " + reason, ""));
        }
    }
}
