package org.persistenceexplorer.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.service.work.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real runner: work on a small pool of daemon threads, callbacks and progress on the FX
 * thread. Progress updates are coalesced (at most one pending hand-over per task), so a busy
 * task cannot flood the FX thread.
 */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundRunner.class);

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "pe-worker-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    @Override
    public <T> RunningTask run(String action, Work<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        RunningTask task = new RunningTask(action, cancellation);
        running.add(task);
        AtomicReference<Object[]> pendingProgress = new AtomicReference<>();
        Progress progress = (fraction, message) -> {
            if (pendingProgress.getAndSet(new Object[] {fraction, message}) == null) {
                Platform.runLater(() -> {
                    Object[] latest = pendingProgress.getAndSet(null);
                    task.update((Double) latest[0], (String) latest[1]);
                });
            }
        };
        workers.execute(() -> {
            T result;
            try (Cancellation.Scope ignored = cancellation.enter(action)) {
                result = work.run(progress);
            } catch (Throwable error) {
                Platform.runLater(() -> {
                    running.remove(task);
                    if (!cancellation.isCancelled()) {
                        onFailure.accept(error);
                    }
                });
                if (!cancellation.isCancelled()) {
                    LOG.debug("'{}' failed", action, error);
                }
                return;
            }
            Platform.runLater(() -> {
                running.remove(task);
                if (!cancellation.isCancelled()) {
                    onSuccess.accept(result);
                }
            });
        });
        return task;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public Executor uiThread() {
        return Platform::runLater;
    }

    /** Cancels everything still running and stops the threads. */
    @Override
    public void close() {
        running.forEach(RunningTask::cancel);
        workers.shutdownNow();
    }
}
