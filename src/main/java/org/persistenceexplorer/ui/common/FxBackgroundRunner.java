package org.persistenceexplorer.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Work;

/**
 * The real runner: work on a bounded pool of daemon threads (sized to the connection pool, so
 * work waits in our queue, visibly, instead of inside Hikari), lanes on threads of their own,
 * callbacks and progress on the FX thread.
 */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final TaskEngine engine;

    /** @param threads how much work may run at once; the rest waits its turn */
    public FxBackgroundRunner(int threads) {
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("pe-worker-"));
        workers.allowCoreThreadTimeOut(true);
        engine = new TaskEngine(workers, Platform::runLater);
    }

    private ThreadFactory daemonThreads(String prefix) {
        return r -> {
            Thread thread = new Thread(r, prefix + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public <T> BackgroundTask<T> task(String action, Work<T> work) {
        return engine.describe(action, work);
    }

    @Override
    public SessionLane lane(String name) {
        ExecutorService thread = Executors.newSingleThreadExecutor(daemonThreads("pe-lane-" + name + "-"));
        return new SessionLane(name, thread, thread::shutdown);
    }

    @Override
    public ObservableList<RunningTask> running() {
        return engine.running();
    }

    @Override
    public Executor uiThread() {
        return Platform::runLater;
    }

    /** Cancels everything still running and stops the threads. FX thread. */
    @Override
    public void close() {
        engine.cancelAll();
        workers.shutdownNow();
    }
}
