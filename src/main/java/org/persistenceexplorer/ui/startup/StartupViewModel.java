package org.persistenceexplorer.ui.startup;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.startup.StartupListener;
import org.persistenceexplorer.service.startup.StartupProblem;
import org.persistenceexplorer.service.startup.StartupSequence;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.ui.common.BackgroundRunner;

/**
 * The startup screen: the steps with their state and elapsed time, overall progress, and the
 * problem (with what to do) when a step fails. {@link #readyProperty()} turns true once every
 * step the main window needs has succeeded; the remaining steps go on in the background.
 * FX thread.
 */
public final class StartupViewModel {

    static final String FAILED_SEE_BELOW = "Failed: what happened and what to do are below.";

    private final StartupSequence sequence;
    private final BackgroundRunner runner;
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StartupProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problemStep = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");
    private long startedNanos;

    public StartupViewModel(StartupSequence sequence, BackgroundRunner runner) {
        this.sequence = sequence;
        this.runner = runner;
        for (StartupStep step : sequence.steps()) {
            steps.add(new StepRow(step.id(), step.title(), step.needed()));
        }
    }

    /** Runs the steps not done yet; after a failure this is the retry. */
    public void start() {
        if (running.get()) {
            return;
        }
        problem.set(null);
        problemStep.set("");
        running.set(true);
        startedNanos = System.nanoTime();
        steps.stream().filter(r -> r.stateProperty().get() != StepRow.State.DONE)
                .forEach(r -> {
                    r.stateProperty().set(StepRow.State.WAITING);
                    r.summaryProperty().set("");
                    r.elapsedProperty().set("");
                });
        StartupListener toUi = new UiListener(runner.uiThread());
        runner.task("startup", p -> sequence.run(toUi))
                .notUserCancellable()
                .onSuccess(allDone -> finish())
                .onFailure(error -> {
                    problem.set(StartupProblem.of(error));
                    finish();
                })
                .start();
    }

    private void finish() {
        elapsed.set(seconds(Duration.ofNanos(System.nanoTime() - startedNanos)));
        running.set(false);
    }

    /** Updates the elapsed times of running steps; call on each UI tick. */
    public void refresh() {
        long now = System.nanoTime();
        for (StepRow row : steps) {
            if (row.stateProperty().get() == StepRow.State.RUNNING) {
                row.elapsedProperty().set(seconds(Duration.ofNanos(now - row.startedNanos)));
            }
        }
        if (running.get()) {
            elapsed.set(seconds(Duration.ofNanos(now - startedNanos)));
        }
    }

    private StepRow row(StartupStep step) {
        return steps.stream().filter(r -> r.id().equals(step.id())).findFirst().orElseThrow();
    }

    private void recount() {
        long done = steps.stream().filter(r -> r.stateProperty().get() == StepRow.State.DONE).count();
        progress.set(steps.isEmpty() ? 1 : (double) done / steps.size());
        boolean neededDone = steps.stream().filter(StepRow::needed)
                .allMatch(r -> r.stateProperty().get() == StepRow.State.DONE);
        if (neededDone) {
            ready.set(true);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True once the main window can open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The latest failure of a step the main window needs, or null. */
    public ReadOnlyObjectProperty<StartupProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemStepProperty() {
        return problemStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** Hands the sequence's events (from its threads) to the FX thread. */
    private final class UiListener implements StartupListener {
        private final Executor ui;

        UiListener(Executor ui) {
            this.ui = ui;
        }

        @Override
        public void started(StartupStep step) {
            long now = System.nanoTime();
            ui.execute(() -> {
                StepRow row = row(step);
                row.startedNanos = now;
                row.stateProperty().set(StepRow.State.RUNNING);
            });
        }

        @Override
        public void succeeded(StartupStep step, Duration took, String summary) {
            ui.execute(() -> {
                StepRow row = row(step);
                row.stateProperty().set(StepRow.State.DONE);
                row.elapsedProperty().set(seconds(took));
                row.summaryProperty().set(summary);
                recount();
            });
        }

        @Override
        public void failed(StartupStep step, Duration took, StartupProblem failure) {
            ui.execute(() -> {
                StepRow row = row(step);
                row.stateProperty().set(StepRow.State.FAILED);
                row.elapsedProperty().set(seconds(took));
                // The problem box below says it all; the row does not repeat it.
                row.summaryProperty().set(step.needed() ? FAILED_SEE_BELOW : failure.message());
                if (step.needed()) {
                    problemStep.set(step.title());
                    problem.set(failure);
                }
            });
        }

        @Override
        public void skipped(StartupStep step, String reason) {
            ui.execute(() -> {
                StepRow row = row(step);
                row.stateProperty().set(StepRow.State.SKIPPED);
                row.summaryProperty().set(reason);
            });
        }
    }
}
