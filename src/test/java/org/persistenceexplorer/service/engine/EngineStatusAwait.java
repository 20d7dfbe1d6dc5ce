package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for an engine's status by polling (no fixed sleeps); the deadline is the requirement's own
 * (5 s to notice, 30 s to be back) and only keeps a broken build from hanging.
 */
final class EngineStatusAwait {

    private EngineStatusAwait() {
    }

    static EngineStatus state(Supplier<EngineStatus> status, EngineStatus.State state, Duration within)
            throws InterruptedException {
        return until(status, s -> s.state() == state, "state " + state, within);
    }

    static EngineStatus detail(Supplier<EngineStatus> status, String part, Duration within) throws InterruptedException {
        return until(status, s -> s.detail().contains(part), "detail containing '" + part + "'", within);
    }

    private static EngineStatus until(Supplier<EngineStatus> status, Predicate<EngineStatus> wanted, String what,
                                      Duration within) throws InterruptedException {
        long giveUp = System.nanoTime() + within.toNanos();
        EngineStatus now = status.get();
        while (!wanted.test(now) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            now = status.get();
        }
        assertThat(wanted.test(now)).as("%s within %s s, but: %s", what, within.toSeconds(), now).isTrue();
        return now;
    }
}
