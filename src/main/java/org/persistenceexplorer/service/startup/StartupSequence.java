package org.persistenceexplorer.service.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * Runs the startup steps in dependency order, independent ones in parallel (PostgreSQL and
 * Neo4j start side by side on two threads), each under its own action label so the statement
 * log shows what startup did. Remembers which steps succeeded, so {@link #run} after a failure
 * retries only what is left. Blocking; call off the FX thread.
 */
public final class StartupSequence {

    private final List<StartupStep> steps;
    /** The steps with every step after the steps it waits for (the listing order where free). */
    private final List<StartupStep> runOrder;
    private final Map<String, Boolean> succeeded = new LinkedHashMap<>();
    /** One run at a time: a Retry while startup still runs must not start a step twice. */
    private final Object runLock = new Object();

    public StartupSequence(List<StartupStep> steps) {
        this.steps = List.copyOf(steps);
        for (StartupStep step : steps) {
            for (String dependency : step.after()) {
                if (steps.stream().noneMatch(s -> s.id().equals(dependency))) {
                    throw new IllegalArgumentException(step.id() + " waits for unknown step " + dependency);
                }
            }
        }
        this.runOrder = dependencyOrder(this.steps);
    }

    private static List<StartupStep> dependencyOrder(List<StartupStep> steps) {
        List<StartupStep> ordered = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        List<StartupStep> left = new ArrayList<>(steps);
        while (!left.isEmpty()) {
            StartupStep ready = left.stream().filter(s -> placed.containsAll(s.after())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("startup steps wait for each other in a circle: "
                            + left.stream().map(StartupStep::id).toList()));
            ordered.add(ready);
            placed.add(ready.id());
            left.remove(ready);
        }
        return List.copyOf(ordered);
    }

    public List<StartupStep> steps() {
        return steps;
    }

    /**
     * Runs every step that has not succeeded yet and returns when all have finished, failed or
     * been skipped.
     *
     * @return true when every step has now succeeded
     */
    public boolean run(StartupListener listener) {
        synchronized (runLock) {
            return runPending(listener);
        }
    }

    private boolean runPending(StartupListener listener) {
        // The steps run on threads of their own; cancelling the caller's work must reach them.
        WorkContext.Inherited caller = WorkContext.inherit();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "pe-startup");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<Boolean>> outcomes = new ConcurrentHashMap<>();
            Set<String> failedNow = ConcurrentHashMap.newKeySet();
            for (StartupStep step : runOrder) {
                List<CompletableFuture<Boolean>> needs = new ArrayList<>();
                step.after().forEach(id -> needs.add(outcomes.get(id)));
                CompletableFuture<Boolean> outcome = CompletableFuture
                        .allOf(needs.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            if (isDone(step.id())) {
                                return true;
                            }
                            for (String need : step.after()) {
                                if (!outcomes.get(need).join()) {
                                    listener.skipped(step, blockedBy(need, failedNow));
                                    return false;
                                }
                            }
                            boolean ok = runOne(step, listener, caller);
                            if (!ok) {
                                failedNow.add(step.id());
                            }
                            return ok;
                        }, threads);
                outcomes.put(step.id(), outcome);
            }
            return outcomes.values().stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
        } finally {
            threads.shutdown();
        }
    }

    private boolean runOne(StartupStep step, StartupListener listener, WorkContext.Inherited caller) {
        if (caller.isCancelled()) {
            listener.skipped(step, "startup was cancelled");
            return false;
        }
        listener.started(step);
        long start = System.nanoTime();
        try (WorkContext.Scope ignored = caller.enter(step.action())) {
            String summary = step.work().run();
            markDone(step.id());
            listener.succeeded(step, Duration.ofNanos(System.nanoTime() - start), summary == null ? "" : summary);
            return true;
        } catch (Exception | LinkageError e) {
            listener.failed(step, Duration.ofNanos(System.nanoTime() - start), StartupProblem.of(e));
            return false;
        }
    }

    /** Why a step did not start, naming the step it waits for. */
    private String blockedBy(String need, Set<String> failedNow) {
        String title = runOrder.stream().filter(s -> s.id().equals(need)).map(StartupStep::title).findFirst().orElse(need);
        return failedNow.contains(need) ? "not started: it needs “" + title + "”, which failed"
                : "not started: it needs “" + title + "”, which could not run";
    }

    public synchronized boolean isDone(String stepId) {
        return succeeded.getOrDefault(stepId, false);
    }

    private synchronized void markDone(String stepId) {
        succeeded.put(stepId, true);
    }
}
