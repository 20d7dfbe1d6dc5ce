package org.persistenceexplorer.service.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.engine.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's watch: notices that an engine which was up is gone (status LOST, with the reason
 * in the user's words), then tries to bring it back with growing pauses (1 s, 2 s, 4 s ... at most
 * 15 s) until it answers again (status UP). The probe must send no statement: it runs every
 * second and the statement log, like the server's own count, holds only the user's work.
 *
 * <p>Threading: {@link #run()} is called by one watch thread at a time; the status it shares with
 * the engine changes atomically and never overrides what the engine set meanwhile (a close, a
 * start).
 */
final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);

    /** Looks at the engine without sending it a statement: what is wrong, or empty when it is fine. */
    @FunctionalInterface
    interface Probe {
        Optional<String> problem();
    }

    /** Brings the engine back; throws with the reason when it cannot, yet. */
    @FunctionalInterface
    interface Recovery {
        void recover() throws Exception;
    }

    /**
     * The recovery of an external server: nothing to restart, the app can only wait until the
     * server answers again (pgjdbc and the Neo4j driver then reconnect by themselves).
     */
    static Recovery answerAgain(Probe probe) {
        return () -> {
            if (probe.problem().isPresent()) {
                throw new IllegalStateException("no answer yet");
            }
        };
    }

    private final AtomicReference<EngineStatus> status;
    private final java.util.function.Supplier<String> recovering;
    private final Probe probe;
    private final Recovery recovery;
    private final LongSupplier nanoClock;
    private volatile boolean held;
    // Only the watch thread touches these.
    private String lostReason = "";
    private long lostAt;
    private long nextAttemptAt;
    private Duration retryDelay = FIRST_RETRY;
    private int failedAttempts;

    /**
     * @param recovering what recovery does, as the status detail says it: "restarting it", "reconnecting"
     */
    HealthCheck(AtomicReference<EngineStatus> status, String recovering, Probe probe, Recovery recovery) {
        this(status, () -> recovering, probe, recovery, System::nanoTime);
    }

    /** @param recovering asked at each loss: an engine switched to another profile recovers another way */
    HealthCheck(AtomicReference<EngineStatus> status, java.util.function.Supplier<String> recovering, Probe probe,
                Recovery recovery) {
        this(status, recovering, probe, recovery, System::nanoTime);
    }

    HealthCheck(AtomicReference<EngineStatus> status, String recovering, Probe probe, Recovery recovery,
                LongSupplier nanoClock) {
        this(status, () -> recovering, probe, recovery, nanoClock);
    }

    HealthCheck(AtomicReference<EngineStatus> status, java.util.function.Supplier<String> recovering, Probe probe,
                Recovery recovery, LongSupplier nanoClock) {
        this.status = status;
        this.recovering = recovering;
        this.probe = probe;
        this.recovery = recovery;
        this.nanoClock = nanoClock;
    }

    /** The engine this check watches. */
    String engineName() {
        return status.get().engine().label();
    }

    /** One look: probes an engine that is up, or tries to recover a lost one when its pause is over. */
    void run() {
        EngineStatus now = status.get();
        if (now.state() == EngineStatus.State.UP) {
            noticeLoss(now);
        } else if (now.state() == EngineStatus.State.LOST && !held && nanoClock.getAsLong() - nextAttemptAt >= 0) {
            attemptRecovery();
        }
    }

    private void noticeLoss(EngineStatus before) {
        Optional<String> problem;
        try {
            problem = probe.problem();
        } catch (RuntimeException e) {
            problem = Optional.of(engineName() + " could not be checked: " + Causes.rootMessage(e));
        }
        if (problem.isEmpty()) {
            return;
        }
        String reason = problem.get();
        if (status.compareAndSet(before, before.with(EngineStatus.State.LOST, reason + "; " + recovering.get() + "…"))) {
            lostReason = reason;
            lostAt = nanoClock.getAsLong();
            failedAttempts = 0;
            retryDelay = FIRST_RETRY;
            // The first attempt waits one pause: a killed server's leftovers need a moment to exit.
            nextAttemptAt = lostAt + FIRST_RETRY.toNanos();
            LOG.warn("{}; {}", reason, recovering.get());
        }
    }

    private void attemptRecovery() {
        try (WorkContext.Scope ignored = WorkContext.enter("reconnect: " + engineName().toLowerCase(Locale.ROOT))) {
            recovery.recover();
        } catch (Exception e) {
            failedAttempts++;
            long pause = retryDelay.toSeconds();
            nextAttemptAt = nanoClock.getAsLong() + retryDelay.toNanos();
            retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryDelay.multipliedBy(2);
            String detail = lostReason + "; " + recovering.get() + "… (attempt " + failedAttempts + " failed: "
                    + Causes.firstLine(Causes.rootMessage(e)) + "; next in " + pause + " s)";
            status.updateAndGet(s -> s.state() == EngineStatus.State.LOST ? s.with(EngineStatus.State.LOST, detail) : s);
            LOG.info("{} still lost: {}", engineName(), detail);
            return;
        }
        EngineStatus back = status.updateAndGet(s -> s.state() == EngineStatus.State.LOST ? s.with(EngineStatus.State.UP, "") : s);
        if (back.up()) {
            LOG.info("{} is back after {} ms ({} failed attempts)", engineName(),
                    TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - lostAt), failedAttempts);
        }
    }

    /**
     * For tests: while held, a lost engine stays lost (no recovery attempt), so a test can see
     * what work does meanwhile. Detection is not affected.
     */
    void holdRecovery(boolean hold) {
        held = hold;
    }
}
