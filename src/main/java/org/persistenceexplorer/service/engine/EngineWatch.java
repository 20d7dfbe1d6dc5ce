package org.persistenceexplorer.service.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every engine once a second and brings back one that was lost: notices within a
 * second or two that a server is gone (its status becomes LOST, with the reason), restarts the
 * embedded one or reconnects to the external one, and marks it UP again. The checks send no
 * statement, so the statement log and the server's own count see only the user's work.
 *
 * <p>Threading: one small daemon scheduler with a thread per engine, so a slow restart of one
 * engine does not delay noticing the other. {@link #start()} and {@link #close()} are
 * thread-safe and idempotent; close before closing the engines.
 */
public final class EngineWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineWatch.class);
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** How long close waits for a check or a restart in progress; the engine's close waits for the rest. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final List<HealthCheck> checks;
    private final Duration period;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    /** Watches both engines; nothing runs before {@link #start()}. */
    public EngineWatch(SqlEngine sql, GraphEngine graph) {
        this(List.of(sql.healthCheck(), graph.healthCheck()), PERIOD);
    }

    EngineWatch(List<HealthCheck> checks, Duration period) {
        this.checks = List.copyOf(checks);
        this.period = period;
    }

    /** Starts the checks. An engine that is not up yet is not probed until it is. */
    public synchronized void start() {
        if (scheduler != null || closed) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        scheduler = Executors.newScheduledThreadPool(checks.size(), runnable -> {
            Thread thread = new Thread(runnable, "pe-engine-watch-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (HealthCheck check : checks) {
            scheduler.scheduleWithFixedDelay(() -> runSafely(check), period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void runSafely(HealthCheck check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            // An escaped exception would cancel the schedule silently, and nobody would watch again.
            LOG.warn("The {} health check failed: {}", check.engineName(), e.toString());
        }
    }

    /**
     * Stops watching; waits briefly for a check or a restart in progress. A restart is never
     * interrupted (a half-started server would be left running without an owner); if it takes
     * longer, the engine's own close waits for it and then stops what it started.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
