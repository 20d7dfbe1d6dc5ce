package org.persistenceexplorer.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Work;

/**
 * The runner for view-model tests: no toolkit, no threads, deterministic, and the same
 * semantics as the app's runner (superseding, cancellation, callbacks never after a cancel,
 * any Throwable). By default work runs at once on the caller's thread and calls back before
 * {@code start()} returns. {@link #deferred()} makes a runner that queues work until
 * {@link #runPending()}, so a test can start a second request while the first is still
 * "running", or cancel one before it ran. Never use it in the app.
 */
public final class InlineBackgroundRunner implements BackgroundRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final boolean deferred;
    private final TaskEngine engine;

    public InlineBackgroundRunner() {
        this(false);
    }

    private InlineBackgroundRunner(boolean deferred) {
        this.deferred = deferred;
        Executor workers = deferred ? pending::add : Runnable::run;
        this.engine = new TaskEngine(workers, Runnable::run);
    }

    /** A runner that holds work back until {@link #runPending()}. */
    public static InlineBackgroundRunner deferred() {
        return new InlineBackgroundRunner(true);
    }

    /** Runs queued work (and work it queues) in order; returns how many pieces ran. */
    public int runPending() {
        int ran = 0;
        while (!pending.isEmpty()) {
            pending.poll().run();
            ran++;
        }
        return ran;
    }

    @Override
    public <T> BackgroundTask<T> task(String action, Work<T> work) {
        return engine.describe(action, work);
    }

    @Override
    public SessionLane lane(String name) {
        return new SessionLane(name, deferred ? pending::add : Runnable::run, () -> { });
    }

    @Override
    public ObservableList<RunningTask> running() {
        return engine.running();
    }

    @Override
    public Executor uiThread() {
        return Runnable::run;
    }
}
