package org.persistenceexplorer.ui.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Writes Preferences nodes to disk off the FX thread. A put is in memory and cheap; the flush
 * that makes it survive a crash locks, reads back and rewrites the node's file, which under disk
 * load held the FX thread for tens of milliseconds on every console run. Flushes of the same node
 * asked for while one waits are done once. Thread-safe.
 */
public final class PreferencesFlush {

    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pe-preferences-flush");
        thread.setDaemon(true);
        return thread;
    });
    private static final Set<Preferences> WAITING = ConcurrentHashMap.newKeySet();

    private PreferencesFlush() {
    }

    /** Flushes {@code node} soon, on the writer thread; returns at once. */
    public static void later(Preferences node) {
        if (WAITING.add(node)) {
            WRITER.execute(() -> {
                WAITING.remove(node);
                try {
                    node.flush();
                } catch (BackingStoreException | IllegalStateException e) {
                    // kept in memory (IllegalStateException: the node was removed); the next change tries again
                }
            });
        }
    }
}
