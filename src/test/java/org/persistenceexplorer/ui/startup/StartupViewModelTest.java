package org.persistenceexplorer.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.startup.StartupSequence;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

class StartupViewModelTest {

    @Test
    void becomesReadyWhenTheNeededStepsSucceedAndShowsEachStepsOutcome() {
        StartupSequence sequence = new StartupSequence(List.of(
                new StartupStep("a", "Starting PostgreSQL", "startup: a", true, List.of(), () -> "localhost:5432"),
                new StartupStep("b", "Applying migrations", "startup: b", true, List.of("a"), () -> "2 migrations applied"),
                new StartupStep("c", "Starting Neo4j", "startup: c", false, List.of(), () -> "localhost:7687")));
        StartupViewModel model = new StartupViewModel(sequence, new InlineBackgroundRunner());

        model.start();

        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.steps()).extracting(r -> r.stateProperty().get()).containsOnly(StepRow.State.DONE);
        assertThat(model.steps().get(1).summaryProperty().get()).isEqualTo("2 migrations applied");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aFailedNeededStepShowsWhatHappenedAndWhatToDoAndRetryRunsOnlyWhatIsLeft() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger firstStepRuns = new AtomicInteger();
        StartupSequence sequence = new StartupSequence(List.of(
                new StartupStep("a", "Starting PostgreSQL", "startup: a", true, List.of(), () -> {
                    firstStepRuns.incrementAndGet();
                    return "ok";
                }),
                new StartupStep("b", "Connecting", "startup: b", true, List.of("a"), () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new EngineStartException("Cannot connect to PostgreSQL at db:5432: refused",
                                "Check that the server is running, then retry.", null);
                    }
                    return "connected";
                })));
        StartupViewModel model = new StartupViewModel(sequence, new InlineBackgroundRunner());

        model.start();
        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.problemProperty().get().message()).contains("db:5432");
        assertThat(model.problemProperty().get().remedy()).contains("retry");
        assertThat(model.problemStepProperty().get()).isEqualTo("Connecting");

        model.start();
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(firstStepRuns.get()).isEqualTo(1);
    }

    @Test
    void aFailedBackgroundStepDoesNotBlockTheMainWindow() {
        StartupSequence sequence = new StartupSequence(List.of(
                new StartupStep("pg", "Starting PostgreSQL", "startup: pg", true, List.of(), () -> "ok"),
                new StartupStep("neo", "Starting Neo4j", "startup: neo", false, List.of(), () -> {
                    throw new IllegalStateException("port in use");
                })));
        StartupViewModel model = new StartupViewModel(sequence, new InlineBackgroundRunner());

        model.start();

        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).isNull();
        assertThat(model.steps().get(1).stateProperty().get()).isEqualTo(StepRow.State.FAILED);
        assertThat(model.steps().get(1).summaryProperty().get()).contains("port in use");
    }

    @Test
    void aStepThatCannotStartNamesTheStepItWaitsForAndTheProblemIsToldOnce() {
        StartupSequence sequence = new StartupSequence(List.of(
                new StartupStep("pg", "Starting PostgreSQL", "startup: pg", true, List.of(), () -> {
                    throw new IllegalStateException("port in use. Try another.");
                }),
                new StartupStep("hr", "Applying migrations", "startup: hr", true, List.of("pg"), () -> "ok"),
                new StartupStep("org", "Importing the org chart", "startup: org", false, List.of("hr"), () -> "ok")));
        StartupViewModel model = new StartupViewModel(sequence, new InlineBackgroundRunner());

        model.start();

        assertThat(model.steps().get(0).summaryProperty().get()).isEqualTo(StartupViewModel.FAILED_SEE_BELOW);
        assertThat(model.steps().get(1).summaryProperty().get()).isEqualTo("not started: it needs “Starting PostgreSQL”, which failed");
        assertThat(model.steps().get(2).summaryProperty().get()).isEqualTo("not started: it needs “Applying migrations”, which could not run");
    }
}
