package org.persistenceexplorer.service.log;

import org.persistenceexplorer.domain.statement.ServerStatementReading;

/**
 * The server's own statement count, as {@link ServerReconciliation} needs it: the app's
 * {@code SqlEngine} in the product, a counter on the test server in tests. Blocking.
 */
public interface ServerCounter {

    /** What the server counted since the last {@link #reset()}; with details per shape. */
    ServerStatementReading read(boolean details);

    /** Starts a new window on the server. */
    void reset();

    /** A counter from its two operations. */
    static ServerCounter of(java.util.function.Function<Boolean, ServerStatementReading> read, Runnable reset) {
        return new ServerCounter() {
            @Override
            public ServerStatementReading read(boolean details) {
                return read.apply(details);
            }

            @Override
            public void reset() {
                reset.run();
            }
        };
    }
}
