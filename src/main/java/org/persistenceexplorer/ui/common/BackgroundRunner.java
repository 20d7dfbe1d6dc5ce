package org.persistenceexplorer.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.persistenceexplorer.service.work.Work;

/**
 * Runs engine work off the FX thread and brings the outcome back to it. The one way the UI
 * reaches an engine. Callbacks run on the FX thread (or, for the inline runner in tests, on the
 * caller's thread). A cancelled task's callbacks are never called: its result is dropped.
 */
public interface BackgroundRunner {

    /**
     * Starts the work.
     *
     * @param action    the label its statements carry in the log, e.g. "tables: load page"
     * @param onSuccess gets the result, on the FX thread
     * @param onFailure gets the error, on the FX thread
     */
    <T> RunningTask run(String action, Work<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure);

    /** The tasks running now, for the status bar. Changes on the FX thread. */
    ObservableList<RunningTask> running();

    /** Hands something to the FX thread (for events that services raise on their threads). */
    Executor uiThread();
}
