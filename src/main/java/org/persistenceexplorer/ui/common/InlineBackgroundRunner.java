package org.persistenceexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.service.work.Work;

/**
 * Runs work at once on the caller's thread and calls back before returning. For view-model
 * tests: no toolkit, no waiting, deterministic. Never use it in the app.
 */
public final class InlineBackgroundRunner implements BackgroundRunner {

    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    @Override
    public <T> RunningTask run(String action, Work<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        RunningTask task = new RunningTask(action, cancellation);
        running.add(task);
        T result;
        try (Cancellation.Scope ignored = cancellation.enter(action)) {
            result = work.run(task::update);
        } catch (Exception e) {
            running.remove(task);
            onFailure.accept(e);
            return task;
        }
        running.remove(task);
        onSuccess.accept(result);
        return task;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public Executor uiThread() {
        return Runnable::run;
    }
}
