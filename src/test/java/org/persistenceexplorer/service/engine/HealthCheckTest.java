package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.Engine;

/** The watch's state machine on a clock the test moves: when it probes, when it retries, what it says. */
class HealthCheckTest {

    private final AtomicReference<EngineStatus> status = new AtomicReference<>(
            EngineStatus.starting(Engine.POSTGRESQL, false).with(EngineStatus.State.UP, "db:5432/hr", ""));
    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean serverAnswers = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final List<Long> attemptsAtSecond = new ArrayList<>();
    private final HealthCheck check = new HealthCheck(status, "reconnecting", () -> {
        probes.incrementAndGet();
        return serverAnswers.get() ? Optional.empty() : Optional.of("PostgreSQL at db:5432/hr does not answer");
    }, () -> {
        attemptsAtSecond.add(Duration.ofNanos(clock.get()).toSeconds());
        if (!serverAnswers.get()) {
            throw new IllegalStateException("no answer yet");
        }
    }, clock::get);

    @Test
    void retriesAfterOneTwoFourEightSecondsThenEveryFifteenAndIsUpWhenTheServerAnswers() {
        check.run();
        assertThat(status.get().up()).isTrue();

        serverAnswers.set(false);
        check.run();
        assertThat(status.get().state()).isEqualTo(EngineStatus.State.LOST);
        assertThat(status.get().detail()).isEqualTo("PostgreSQL at db:5432/hr does not answer; reconnecting…");
        assertThat(status.get().address()).isEqualTo("db:5432/hr");

        everySecondUntil(46);
        assertThat(attemptsAtSecond).containsExactly(1L, 2L, 4L, 8L, 16L, 31L, 46L);
        assertThat(status.get().detail()).isEqualTo("PostgreSQL at db:5432/hr does not answer; reconnecting… "
                + "(attempt 7 failed: no answer yet; next in 15 s)");

        serverAnswers.set(true);
        everySecondUntil(61);
        assertThat(status.get().up()).isTrue();
        assertThat(status.get().detail()).isEmpty();

        serverAnswers.set(false);
        check.run();
        everySecondUntil(62);
        assertThat(attemptsAtSecond).as("a new loss starts again at one second").endsWith(46L, 61L, 62L);
    }

    @Test
    void probesOnlyAnEngineThatIsUpAndNeverRevivesOneThatWasClosed() {
        status.set(status.get().with(EngineStatus.State.STARTING, ""));
        check.run();
        assertThat(probes).as("not probed while starting").hasValue(0);

        status.set(status.get().with(EngineStatus.State.UP, ""));
        serverAnswers.set(false);
        check.run();
        assertThat(status.get().state()).isEqualTo(EngineStatus.State.LOST);

        status.set(status.get().with(EngineStatus.State.STOPPED, ""));
        serverAnswers.set(true);
        everySecondUntil(20);
        assertThat(attemptsAtSecond).isEmpty();
        assertThat(status.get().state()).isEqualTo(EngineStatus.State.STOPPED);
    }

    @Test
    void heldRecoveryLeavesTheEngineLostUntilReleased() {
        check.holdRecovery(true);
        serverAnswers.set(false);
        check.run();
        serverAnswers.set(true);
        everySecondUntil(10);
        assertThat(attemptsAtSecond).isEmpty();
        assertThat(status.get().state()).isEqualTo(EngineStatus.State.LOST);

        check.holdRecovery(false);
        everySecondUntil(11);
        assertThat(status.get().up()).isTrue();
    }

    private void everySecondUntil(long second) {
        while (Duration.ofNanos(clock.get()).toSeconds() < second) {
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            check.run();
        }
    }
}
