package org.persistenceexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Work;

/**
 * Runs engine work off the FX thread and brings the outcome back to it: the one way the UI
 * reaches an engine. Work is described with {@link #task} (a small builder: label, callbacks,
 * "replaces the previous request of the same key", a {@link SessionLane}) and started with
 * {@link BackgroundTask#start()}. Callbacks run on the FX thread (the inline runner for tests:
 * on the caller's thread). A cancelled or superseded task's callbacks never run.
 * Call from the FX thread.
 */
public interface BackgroundRunner {

    /**
     * Describes a piece of work; nothing runs until {@link BackgroundTask#start()}.
     *
     * @param action the label its statements carry in the log, e.g. "tables: load page"
     */
    <T> BackgroundTask<T> task(String action, Work<T> work);

    /** Shorthand for a task with both callbacks and no other option. */
    default <T> RunningTask run(String action, Work<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
        return task(action, work).onSuccess(onSuccess).onFailure(onFailure).start();
    }

    /**
     * A lane whose tasks all run on one thread, one after the other, across clicks: for a
     * Hibernate session or a lab's open transaction, which belong to the thread that opened them.
     * Close it when its owner closes.
     */
    SessionLane lane(String name);

    /** The tasks running or waiting now, for the status bar. Changes on the FX thread. */
    ObservableList<RunningTask> running();

    /** Hands something to the FX thread (for events that services raise on their threads). */
    Executor uiThread();
}
