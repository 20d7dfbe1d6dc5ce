package org.persistenceexplorer.ui.common;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.persistenceexplorer.service.work.Cancellation;

/**
 * One piece of background work as the UI sees it: its action label, progress and message, and
 * a cancel that really stops its statements. Properties change on the FX thread only;
 * {@link #cancel()} may be called from any thread.
 */
public final class RunningTask {

    private final String action;
    private final Cancellation cancellation;
    private final boolean userCancellable;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile boolean superseded;

    RunningTask(String action, Cancellation cancellation, boolean userCancellable) {
        this.action = action;
        this.cancellation = cancellation;
        this.userCancellable = userCancellable;
    }

    public String action() {
        return action;
    }

    /** Stops the work: running statements are cancelled on the server and its results are dropped. */
    public void cancel() {
        cancellation.cancel();
    }

    /** Cancelled because a newer request of the same kind started. */
    void supersede() {
        superseded = true;
        cancel();
    }

    boolean wasSuperseded() {
        return superseded;
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** False for work the user should not stop from the status bar (startup, shutdown). */
    public boolean userCancellable() {
        return userCancellable;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void update(double fraction, String text) {
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }
}
