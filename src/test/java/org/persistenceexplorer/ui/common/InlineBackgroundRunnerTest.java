package org.persistenceexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The test runner keeps the app runner's semantics, so a view-model test that passes here
 * passes in the app: superseding, cancellation, no callback after a cancel, Errors reported.
 */
class InlineBackgroundRunnerTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void runsAtOnceUnderTheActionLabelAndCallsBackBeforeReturning() {
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        RunningTask task = runner.task("tables: load page", p -> WorkContext.currentAction())
                .onSuccess(action -> calls.add("ok " + action)).start();
        assertThat(calls).containsExactly("ok tables: load page");
        assertThat(task.isCancelled()).isFalse();
        assertThat(runner.running()).isEmpty();
    }

    @Test
    void aNewerRequestWithTheSameKeyCancelsTheOlderOneAndOnlyItsResultArrives() {
        InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
        RunningTask first = runner.task("tables: page 1", p -> "page 1").replacing("page")
                .onSuccess(calls::add).onCancelled(() -> calls.add("cancelled 1")).start();
        RunningTask second = runner.task("tables: page 2", p -> "page 2").replacing("page")
                .onSuccess(calls::add).start();
        RunningTask other = runner.task("tables: count", p -> "count").replacing("count")
                .onSuccess(calls::add).start();

        assertThat(first.isCancelled()).isTrue();
        assertThat(second.isCancelled()).isFalse();
        assertThat(other.isCancelled()).isFalse();
        runner.runPending();
        assertThat(calls).as("superseded: no result and no 'cancelled' callback").containsExactly("page 2", "count");
    }

    @Test
    void workCancelledBeforeItRunsNeverStartsAndSaysCancelled() {
        InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
        RunningTask task = runner.task("console: run", p -> {
            calls.add("ran");
            return 1;
        }).onSuccess(r -> calls.add("ok")).onCancelled(() -> calls.add("cancelled")).start();
        task.cancel();
        runner.runPending();
        assertThat(calls).containsExactly("cancelled");
    }

    @Test
    void workCancelledWhileRunningHasItsStatementsStoppedAndItsResultDropped() {
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        runner.task("console: run", p -> {
            // What a running statement does: register how to stop it. Then the user cancels.
            try (var ignored = WorkContext.onCancel(() -> calls.add("statement stopped"))) {
                runner.running().get(0).cancel();
            }
            return "result";
        }).onSuccess(r -> calls.add("ok")).onFailure(e -> calls.add("failed")).onCancelled(() -> calls.add("cancelled"))
                .start();
        assertThat(calls).containsExactly("statement stopped", "cancelled");
    }

    @Test
    void errorsReachTheFailureCallbackToo() {
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        runner.task("console: parse", p -> {
            throw new StackOverflowError("deeply nested");
        }).onFailure(seen::set).start();
        assertThat(seen.get()).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void aLaneRunsItsTasksInOrderAndRefusesWorkOnceClosed() {
        InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
        SessionLane lane = runner.lane("entity session");
        runner.task("tables: open session", p -> "open").on(lane).onSuccess(calls::add).start();
        runner.task("tables: edit", p -> "edit").on(lane).onSuccess(calls::add).start();
        runner.runPending();
        lane.close();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        runner.task("tables: late", p -> "late").on(lane).onSuccess(calls::add).onFailure(refused::set).start();
        assertThat(calls).containsExactly("open", "edit");
        assertThat(refused.get()).hasMessageContaining("closed");
    }
}
