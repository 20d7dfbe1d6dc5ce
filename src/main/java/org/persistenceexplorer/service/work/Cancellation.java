package org.persistenceexplorer.service.work;

import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The handle to one piece of background work: the UI keeps it to cancel, the worker thread
 * enters it so every statement the work runs carries its action label and can be stopped.
 * Cancelling stops running JDBC statements ({@code Statement.cancel()}) and Neo4j transactions,
 * not just the thread. Thread-safe.
 */
public final class Cancellation {

    private final CancelHooks hooks = new CancelHooks();

    /** On the worker thread: runs the work as {@code action} until the scope closes. */
    public Scope enter(String action) {
        WorkContext.Scope scope = WorkContext.enter(action, hooks);
        return scope::close;
    }

    /** From any thread: stops the work's running statements; later statements stop at once. */
    public void cancel() {
        hooks.cancel();
    }

    public boolean isCancelled() {
        return hooks.isCancelled();
    }

    /** Leaves the work again; close it on the thread that entered. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
