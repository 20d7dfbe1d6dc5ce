package org.persistenceexplorer.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.service.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both runners share, so the inline test runner keeps exactly the app's semantics: a task
 * list, superseding by key, cancellation before and during the work, callbacks dropped after a
 * cancel, failures of any {@link Throwable}, coalesced progress. The runners differ only in
 * where work runs and where callbacks run. The task list and the key map are touched on the
 * callback thread only (the FX thread in the app).
 */
final class TaskEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TaskEngine.class);

    private final Executor workers;
    private final Executor callbacks;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final Map<String, RunningTask> latestByKey = new HashMap<>();

    TaskEngine(Executor workers, Executor callbacks) {
        this.workers = workers;
        this.callbacks = callbacks;
    }

    <T> BackgroundTask<T> describe(String action, org.persistenceexplorer.service.work.Work<T> work) {
        return new BackgroundTask<>(this, action, work);
    }

    ObservableList<RunningTask> running() {
        return running;
    }

    <T> RunningTask start(BackgroundTask<T> spec) {
        Cancellation cancellation = new Cancellation();
        RunningTask task = new RunningTask(spec.action, cancellation, spec.userCancellable);
        if (spec.replaces != null) {
            RunningTask previous = latestByKey.put(spec.replaces, task);
            if (previous != null) {
                previous.supersede();
            }
        }
        running.add(task);
        Progress progress = coalescedProgress(task);
        Runnable body = () -> {
            T result = null;
            Throwable failure = null;
            try (Cancellation.Scope ignored = cancellation.enter(spec.action)) {
                if (!cancellation.isCancelled()) {
                    result = spec.work.run(progress);
                }
            } catch (Throwable error) {
                failure = error;
            }
            T value = result;
            Throwable error = failure;
            callbacks.execute(() -> finish(spec, task, value, error));
        };
        try {
            if (spec.lane != null) {
                spec.lane.execute(body);
            } else {
                workers.execute(body);
            }
        } catch (RejectedExecutionException | IllegalStateException e) {
            callbacks.execute(() -> finish(spec, task, null, e));
        }
        return task;
    }

    private <T> void finish(BackgroundTask<T> spec, RunningTask task, T result, Throwable failure) {
        running.remove(task);
        if (spec.replaces != null) {
            latestByKey.remove(spec.replaces, task);
        }
        if (task.isCancelled()) {
            if (!task.wasSuperseded()) {
                spec.onCancelled.run();
            }
            return;
        }
        if (failure == null) {
            spec.onSuccess.accept(result);
        } else if (spec.onFailure != null) {
            spec.onFailure.accept(failure);
        } else {
            LOG.warn("'{}' failed: {}", spec.action, failure.toString(), failure);
        }
    }

    /** At most one pending hand-over per task, so a busy task cannot flood the callback thread. */
    private Progress coalescedProgress(RunningTask task) {
        AtomicReference<Object[]> pending = new AtomicReference<>();
        return (fraction, message) -> {
            if (pending.getAndSet(new Object[] {fraction, message}) == null) {
                callbacks.execute(() -> {
                    Object[] latest = pending.getAndSet(null);
                    task.update((Double) latest[0], (String) latest[1]);
                });
            }
        };
    }

    /** Cancels every task still running or waiting. */
    void cancelAll() {
        running.forEach(RunningTask::cancel);
    }
}
