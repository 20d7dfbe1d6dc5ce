package org.persistenceexplorer.store.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CancelHooksTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void cancelRunsEveryRegisteredHookOnce() {
        CancelHooks hooks = new CancelHooks();
        hooks.register(() -> ran.add("statement"));
        hooks.register(() -> ran.add("transaction"));

        assertThat(ran).isEmpty();
        hooks.cancel();
        hooks.cancel();

        assertThat(ran).containsExactlyInAnyOrder("statement", "transaction");
        assertThat(hooks.isCancelled()).isTrue();
    }

    @Test
    void hookRegisteredAfterCancelRunsAtOnce() {
        CancelHooks hooks = new CancelHooks();
        hooks.cancel();

        hooks.register(() -> ran.add("late")).close();

        assertThat(ran).containsExactly("late");
    }

    @Test
    void removedRegistrationDoesNotRun() {
        CancelHooks hooks = new CancelHooks();
        CancelHooks.Registration done = hooks.register(() -> ran.add("finished statement"));
        hooks.register(() -> ran.add("running statement"));

        done.close();
        hooks.cancel();

        assertThat(ran).containsExactly("running statement");
    }

    @Test
    void aFailingHookDoesNotStopTheOthers() {
        CancelHooks hooks = new CancelHooks();
        hooks.register(() -> {
            throw new IllegalStateException("connection already closed");
        });
        hooks.register(() -> ran.add("second"));

        hooks.cancel();

        assertThat(ran).containsExactly("second");
    }

    @Test
    void notCancelledUntilCancelIsCalled() {
        CancelHooks hooks = new CancelHooks();
        hooks.register(() -> ran.add("x"));

        assertThat(hooks.isCancelled()).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void workContextHandsTheHooksOfTheCurrentWorkToTheEngineCode() {
        CancelHooks hooks = new CancelHooks();
        try (WorkContext.Scope outer = WorkContext.enter("tables: load page", hooks)) {
            try (WorkContext.Scope inner = WorkContext.enter("tables: count rows")) {
                assertThat(WorkContext.currentAction()).isEqualTo("tables: count rows");
                WorkContext.onCancel(() -> ran.add("inner statement"));
            }
            assertThat(WorkContext.currentAction()).isEqualTo("tables: load page");
            hooks.cancel();
            assertThat(WorkContext.cancelled()).isTrue();
        }
        assertThat(ran).as("the nested action keeps the enclosing work's hooks").containsExactly("inner statement");
        assertThat(WorkContext.currentAction()).isEqualTo(WorkContext.NO_ACTION);
        assertThat(WorkContext.cancelled()).isFalse();
    }
}
