package org.persistenceexplorer.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import org.persistenceexplorer.service.work.Work;

/**
 * One piece of engine work being described, before it starts: options grow here, not as
 * positional arguments. Obtained from {@link BackgroundRunner#task}; FX thread.
 *
 * <pre>{@code
 * runner.task("tables: load page", p -> tables.page(name, offset))
 *       .replacing("tables.page")          // a newer page request cancels this one
 *       .onSuccess(this::show)
 *       .onFailure(this::showError)
 *       .start();
 * }</pre>
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    private final TaskEngine engine;
    final String action;
    final Work<T> work;
    Consumer<? super T> onSuccess = result -> { };
    Consumer<? super Throwable> onFailure;
    Runnable onCancelled = () -> { };
    String replaces;
    SessionLane lane;
    boolean userCancellable = true;

    BackgroundTask(TaskEngine engine, String action, Work<T> work) {
        this.engine = engine;
        this.action = Objects.requireNonNull(action);
        this.work = Objects.requireNonNull(work);
    }

    /** Gets the result on the FX thread, unless the task was cancelled or superseded. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Gets any failure (Errors included) on the FX thread; without one, failures are logged. */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs on the FX thread once a cancelled task has stopped (not when it was superseded). */
    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Makes this the latest request of its kind: starting it cancels the running task with the
     * same key (its statements are stopped on the server, its result dropped).
     */
    public BackgroundTask<T> replacing(String key) {
        this.replaces = Objects.requireNonNull(key);
        return this;
    }

    /** Runs the work on the lane's one thread, after the lane's earlier tasks. */
    public BackgroundTask<T> on(SessionLane sessionLane) {
        this.lane = Objects.requireNonNull(sessionLane);
        return this;
    }

    /** Hides the status bar's Cancel for this task (startup, closing): it is not the user's to stop. */
    public BackgroundTask<T> notUserCancellable() {
        this.userCancellable = false;
        return this;
    }

    /** Starts the work. */
    public RunningTask start() {
        return engine.start(this);
    }
}
