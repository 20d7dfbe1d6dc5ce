package org.persistenceexplorer.service.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a feature that writes rows says so once its transaction committed, and where a feature
 * that keeps copies of rows listens (the Tables tab publishes, the org chart's profile cache
 * listens), so neither knows the other. Listeners run on the publishing thread (a worker, never
 * the FX thread): they must be quick and thread-safe; one that throws is logged and skipped.
 * Thread-safe.
 */
public final class RowChanges {

    private static final Logger LOG = LoggerFactory.getLogger(RowChanges.class);

    private final List<Consumer<RowChange>> listeners = new CopyOnWriteArrayList<>();

    /** Listens until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<RowChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener; call after the commit. */
    public void publish(RowChange change) {
        for (Consumer<RowChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {}: {}", change, e.toString());
            }
        }
    }
}
