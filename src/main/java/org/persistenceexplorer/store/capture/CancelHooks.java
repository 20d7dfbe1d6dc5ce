package org.persistenceexplorer.store.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways to stop one piece of background work for real. Engine code registers a hook while
 * a statement runs (JDBC {@code Statement.cancel()}, closing a Neo4j transaction); cancelling
 * runs every registered hook, and a hook registered after cancellation runs at once.
 * Thread-safe: cancel is called from the UI side while the work runs elsewhere.
 */
public final class CancelHooks {

    private static final Logger LOG = LoggerFactory.getLogger(CancelHooks.class);

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new ArrayList<>();

    /** Registers a hook; the returned handle removes it again when the statement is done. */
    public Registration register(Runnable hook) {
        synchronized (hooks) {
            if (!cancelled.get()) {
                hooks.add(hook);
                return () -> {
                    synchronized (hooks) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        runQuietly(hook);
        return () -> { };
    }

    /** Marks the work cancelled and runs every hook registered so far. Idempotent. */
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> toRun;
        synchronized (hooks) {
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        toRun.forEach(CancelHooks::runQuietly);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            LOG.debug("cancel hook failed", e);
        }
    }

    /** Removes a hook once the statement it would stop has finished. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
