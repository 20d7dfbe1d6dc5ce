package org.persistenceexplorer.service.engine;

import java.util.function.Consumer;
import org.persistenceexplorer.store.engine.EngineStartException;

/**
 * An engine's move to other servers (a connection profile), shared by both engines: stop, take
 * the new settings, start; when that start fails, back to the previous settings (started again)
 * and the reason thrown, so the profile used so far stays usable. Blocking; the caller holds its
 * lifecycle lock.
 */
final class ServerSwitch {

    /** An engine's start, which may fail with the reason in the user's words. */
    interface Start {
        void run() throws EngineStartException;
    }

    private ServerSwitch() {
    }

    static void move(EngineSettings previous, EngineSettings next, Runnable stop, Consumer<EngineSettings> use, Start start)
            throws EngineStartException {
        stop.run();
        use.accept(next);
        try {
            start.run();
        } catch (EngineStartException e) {
            stop.run();
            use.accept(previous);
            try {
                start.run();
            } catch (EngineStartException back) {
                e.addSuppressed(back);
            }
            throw e;
        }
    }
}
