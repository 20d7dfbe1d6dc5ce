package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Counts live threads by name prefix: a pool or driver that was not closed leaves its threads running. */
final class EngineThreads {

    private EngineThreads() {
    }

    static long named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    /** Threads end asynchronously after a close: poll until no more than {@code expected} are left. */
    static void awaitAtMost(String prefix, long expected, Duration within) throws InterruptedException {
        long giveUp = System.nanoTime() + within.toNanos();
        while (named(prefix) > expected && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(named(prefix)).as("live threads named %s*", prefix).isLessThanOrEqualTo(expected);
    }
}
