package org.persistenceexplorer.service.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.engine.EngineStartException;

class StartupSequenceTest {

    private final Events events = new Events();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @Test
    void stepsRunAfterTheStepsTheyNeedUnderTheirOwnActionLabel() {
        Map<String, String> actionSeen = new ConcurrentHashMap<>();
        StartupSequence sequence = new StartupSequence(List.of(
                step("pg-start", List.of(), () -> actionSeen.put("pg-start", WorkContext.currentAction())),
                step("hr-migrate", List.of("pg-start"), () -> actionSeen.put("hr-migrate", WorkContext.currentAction())),
                step("neo4j-start", List.of(), () -> { }),
                step("graph-import", List.of("neo4j-start", "hr-migrate"), () -> { })));

        assertThat(sequence.run(events)).isTrue();

        assertThat(events.indexOf("succeeded pg-start")).isLessThan(events.indexOf("started hr-migrate"));
        assertThat(events.indexOf("succeeded hr-migrate")).isLessThan(events.indexOf("started graph-import"));
        assertThat(events.indexOf("succeeded neo4j-start")).isLessThan(events.indexOf("started graph-import"));
        assertThat(events.summaries).containsEntry("pg-start", "done pg-start");
        assertThat(actionSeen).containsEntry("pg-start", "startup: pg-start").containsEntry("hr-migrate", "startup: hr-migrate");
        assertThat(List.of("pg-start", "hr-migrate", "neo4j-start", "graph-import")).allMatch(sequence::isDone);
    }

    @Test
    void independentStepsRunSideBySide() {
        // Each step waits until the other has arrived: only possible if both run at the same time.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        StartupSequence sequence = new StartupSequence(List.of(
                step("pg-start", List.of(), () -> bothRunning.await(30, TimeUnit.SECONDS)),
                step("neo4j-start", List.of(), () -> bothRunning.await(30, TimeUnit.SECONDS))));

        assertThat(sequence.run(events)).isTrue();
        assertThat(events.list).contains("succeeded pg-start", "succeeded neo4j-start");
    }

    @Test
    void failingStepReportsTheEnginesOwnWordsAndItsDependantsAreSkipped() {
        StartupSequence sequence = new StartupSequence(List.of(
                failing("pg-start", List.of(), new AtomicBoolean(true)),
                step("hr-migrate", List.of("pg-start"), () -> { }),
                step("neo4j-start", List.of(), () -> { }),
                step("graph-import", List.of("neo4j-start", "hr-migrate"), () -> { })));

        assertThat(sequence.run(events)).isFalse();

        assertThat(events.problems).containsOnlyKeys("pg-start");
        assertThat(events.problems.get("pg-start")).isEqualTo(new StartupProblem(
                "Cannot connect to PostgreSQL at db:5432/hr: Connection refused.", "Check --pg-url, then retry."));
        assertThat(events.list).contains("skipped hr-migrate", "skipped graph-import", "succeeded neo4j-start")
                .doesNotContain("started hr-migrate", "started graph-import");
        assertThat(runs).doesNotContainKeys("hr-migrate", "graph-import");
        assertThat(sequence.isDone("pg-start")).isFalse();
        assertThat(sequence.isDone("neo4j-start")).isTrue();
    }

    @Test
    void runningAgainRetriesOnlyWhatHasNotSucceeded() {
        AtomicBoolean pgFails = new AtomicBoolean(true);
        StartupSequence sequence = new StartupSequence(List.of(
                failing("pg-start", List.of(), pgFails),
                step("hr-migrate", List.of("pg-start"), () -> { }),
                step("neo4j-start", List.of(), () -> { }),
                step("graph-import", List.of("neo4j-start", "hr-migrate"), () -> { })));
        assertThat(sequence.run(events)).isFalse();

        pgFails.set(false);
        Events second = new Events();
        assertThat(sequence.run(second)).isTrue();

        assertThat(runs.get("pg-start")).hasValue(2);
        assertThat(runs.get("neo4j-start")).as("succeeded the first time: not run again").hasValue(1);
        assertThat(runs.get("hr-migrate")).hasValue(1);
        assertThat(runs.get("graph-import")).hasValue(1);
        assertThat(second.list).doesNotContain("started neo4j-start")
                .contains("succeeded pg-start", "succeeded hr-migrate", "succeeded graph-import");

        Events third = new Events();
        assertThat(sequence.run(third)).isTrue();
        assertThat(third.list).as("everything done: nothing runs").isEmpty();
    }

    @Test
    void stepListedBeforeTheStepItNeedsStillWaitsForIt() {
        StartupSequence sequence = new StartupSequence(List.of(
                step("hr-migrate", List.of("pg-start"), () -> { }),
                step("pg-start", List.of(), () -> { })));

        assertThat(sequence.run(events)).isTrue();

        assertThat(events.indexOf("succeeded pg-start")).isLessThan(events.indexOf("started hr-migrate"));
        assertThat(sequence.steps()).as("the listing keeps its order").extracting(StartupStep::id)
                .containsExactly("hr-migrate", "pg-start");
    }

    @Test
    void unknownOrCircularDependencyIsRejected() {
        assertThatThrownBy(() -> new StartupSequence(List.of(step("hr-migrate", List.of("pg-start"), () -> { }))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pg-start");
        assertThatThrownBy(() -> new StartupSequence(List.of(
                step("a", List.of("b"), () -> { }), step("b", List.of("a"), () -> { }))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherFailuresBecomeAShortMessageWithTheRootCauseAndAGeneralRemedy() {
        StartupSequence sequence = new StartupSequence(List.of(new StartupStep("hr-migrate", "Migrating", "startup: hr",
                true, List.of(), () -> {
                    throw new SQLException("Migration V2 failed", new IOException("No space left on device"));
                })));

        assertThat(sequence.run(events)).isFalse();

        StartupProblem problem = events.problems.get("hr-migrate");
        assertThat(problem.message()).isEqualTo("Migration V2 failed (No space left on device)");
        assertThat(problem.remedy()).contains("README");
    }

    // ---- helpers

    private StartupStep step(String id, List<String> after, ThrowingRunnable body) {
        return new StartupStep(id, "Title " + id, "startup: " + id, true, after, () -> {
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            body.run();
            return "done " + id;
        });
    }

    @Test
    void cancellingTheCallersWorkStopsTheRunningStepOnItsOwnThreadAndSkipsTheRest() throws Exception {
        java.util.concurrent.CountDownLatch stepRunning = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Map<String, String> threadOfStep = new ConcurrentHashMap<>();
        StartupSequence sequence = new StartupSequence(List.of(
                step("pg-start", List.of(), () -> {
                    threadOfStep.put("pg-start", Thread.currentThread().getName());
                    // What a running JDBC statement does: register how to stop it, then block.
                    try (var ignored = WorkContext.onCancel(stopped::countDown)) {
                        stepRunning.countDown();
                        if (!stopped.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the cancel never reached the step");
                        }
                    }
                    throw new SQLException("canceling statement due to user request", "57014");
                }),
                step("hr-migrate", List.of("pg-start"), () -> { })));
        org.persistenceexplorer.service.work.Cancellation cancellation = new org.persistenceexplorer.service.work.Cancellation();
        java.util.concurrent.CompletableFuture<Boolean> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var ignored = cancellation.enter("startup")) {
                return sequence.run(events);
            }
        });

        assertThat(stepRunning.await(30, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel();

        assertThat(outcome.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(threadOfStep.get("pg-start")).as("the step ran on the sequence's own thread").startsWith("pe-startup");
        assertThat(events.list).contains("failed pg-start", "skipped hr-migrate");
        assertThat(runs.get("hr-migrate")).isNull();
    }

    @Test
    void aSequenceStartedAfterACancelRunsNoStep() {
        StartupSequence sequence = new StartupSequence(List.of(step("pg-start", List.of(), () -> { })));
        org.persistenceexplorer.service.work.Cancellation cancellation = new org.persistenceexplorer.service.work.Cancellation();
        cancellation.cancel();
        try (var ignored = cancellation.enter("startup")) {
            assertThat(sequence.run(events)).isFalse();
        }
        assertThat(events.list).containsExactly("skipped pg-start");
    }

    private StartupStep failing(String id, List<String> after, AtomicBoolean fails) {
        return step(id, after, () -> {
            if (fails.get()) {
                throw new EngineStartException("Cannot connect to PostgreSQL at db:5432/hr: Connection refused.",
                        "Check --pg-url, then retry.", new IOException("Connection refused"));
            }
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Every event in the order the listener heard it (from the startup threads). */
    private static final class Events implements StartupListener {
        final List<String> list = new CopyOnWriteArrayList<>();
        final Map<String, String> summaries = new ConcurrentHashMap<>();
        final Map<String, StartupProblem> problems = new ConcurrentHashMap<>();

        @Override
        public void started(StartupStep step) {
            list.add("started " + step.id());
        }

        @Override
        public void succeeded(StartupStep step, Duration took, String summary) {
            summaries.put(step.id(), summary);
            list.add("succeeded " + step.id());
        }

        @Override
        public void failed(StartupStep step, Duration took, StartupProblem problem) {
            problems.put(step.id(), problem);
            list.add("failed " + step.id());
        }

        @Override
        public void skipped(StartupStep step, String reason) {
            list.add("skipped " + step.id());
        }

        int indexOf(String event) {
            int at = new ArrayList<>(list).indexOf(event);
            assertThat(at).as("event '%s' in %s", event, list).isNotNegative();
            return at;
        }
    }
}
