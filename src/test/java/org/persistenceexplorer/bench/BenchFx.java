package org.persistenceexplorer.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** The JavaFX toolkit for the benchmark sections that measure the FX thread: started once per JVM. */
final class BenchFx {

    private BenchFx() {
    }

    /** Starts the toolkit unless it runs already; waits up to 30 s for it. */
    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(30, TimeUnit.SECONDS);
        // A section may close its window and open another (the Migrations scenario runs twice): the
        // toolkit must not end with the last window (the suite ends the JVM itself).
        Platform.setImplicitExit(false);
    }

    /** Runs {@code action} on the FX thread and waits (up to 30 s) until it is done. */
    static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }
}
