package org.persistenceexplorer.service.txlab;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The lab's sessions A, B and C side by side, each on a connection of the lab's own pool, and
 * the one place that knows who waits for whom: while a statement has not answered, it asks the
 * server ({@code pg_blocking_pids}) on the app's pool, never by the clock, so "blocked" is what
 * the server says. {@link #run} comes back as soon as the statement is done or is seen waiting
 * for another session's lock; the waiting statement finishes later on its own session's thread.
 *
 * <p>Blocking calls; call off the FX thread. Thread-safe.
 */
public final class LabSessions implements AutoCloseable {

    /** The sessions' names, in order. */
    public static final List<String> NAMES = List.of("A", "B", "C");
    private static final long FIRST_LOOK_MILLIS = 5;
    private static final long MAX_LOOK_MILLIS = 100;

    private final Map<String, LabSession> sessions = new LinkedHashMap<>();
    private final Supplier<DataSource> monitor;
    private final Map<String, CompletableFuture<StepResult>> pending = new LinkedHashMap<>();
    private final Map<String, List<StepResult>> history = new LinkedHashMap<>();

    /**
     * @param labPool the lab's own pool (the sessions' connections)
     * @param monitor the app's pool, for the short looks at pg_blocking_pids
     * @param schema  the sessions' search_path (where the lab's test table is)
     */
    public LabSessions(DataSource labPool, Supplier<DataSource> monitor, String schema) {
        this.monitor = monitor;
        for (String name : NAMES) {
            sessions.put(name, new LabSession(name, labPool, schema));
            history.put(name, new ArrayList<>());
        }
    }

    public LabSession session(String name) {
        LabSession s = sessions.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No session " + name + "; the lab has " + String.join(", ", NAMES));
        }
        return s;
    }

    /** Sets a session's isolation level; refused (IllegalStateException) inside a transaction. */
    public void setIsolation(String name, Isolation level) throws InterruptedException {
        await(session(name).setIsolation(level));
    }

    /**
     * Runs a statement in the session and returns once it is done, or is seen waiting for a lock
     * (then the result says WAITING and who holds the lock), or has run for {@code patience}
     * without waiting for anyone (RUNNING). A statement still pending from before is settled first.
     */
    public StepResult run(String name, String sql, String action, Duration patience) throws InterruptedException {
        LabSession s = session(name);
        CompletableFuture<StepResult> earlier = pendingOf(name);
        if (earlier != null && !earlier.isDone()) {
            // A session runs one statement at a time: the earlier one must end first (it may be
            // waiting for a lock that a deadlock check or another session's COMMIT will free).
            try {
                earlier.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                StepResult still = runningEntry(name);
                return StepResult.skipped(name, sql, "session " + name + " is still busy with \"" + still.sql()
                        + "\" (" + still.summary() + ")", s.state());
            } catch (ExecutionException e) {
                // recorded with the earlier statement
            }
        }
        int index;
        synchronized (this) {
            List<StepResult> list = history.get(name);
            index = list.size();
            list.add(new StepResult(name, sql, StepResult.Outcome.RUNNING, List.of(), List.of(), -1, "", "", List.of(),
                    false, s.state(), 0));
        }
        CompletableFuture<StepResult> future = s.submit(sql, action);
        synchronized (this) {
            pending.put(name, future);
        }
        future.whenComplete((result, error) -> record(name, index, result, error));
        return settle(name, future, patience);
    }

    /** Records a step that did not run (its transaction was aborted before), in the session's history. */
    synchronized void recordSkipped(StepResult skipped) {
        history.get(skipped.session()).add(skipped);
    }

    private synchronized void record(String name, int index, StepResult result, Throwable error) {
        List<StepResult> list = history.get(name);
        if (index >= list.size()) {
            return; // cleared meanwhile
        }
        StepResult before = list.get(index);
        StepResult done = error != null
                ? new StepResult(name, before.sql(), StepResult.Outcome.FAILED, List.of(), List.of(), -1, "",
                String.valueOf(error.getMessage()), List.of(), false, session(name).state(), 0)
                : result.afterWaitingFor(before.blockedBy());
        list.set(index, done);
    }

    private synchronized CompletableFuture<StepResult> pendingOf(String name) {
        return pending.get(name);
    }

    /**
     * Waits until the session's pending statement is done, or seen waiting for a lock, or
     * {@code patience} passed. A statement done after waiting says so (and for whom it waited).
     */
    public StepResult settle(String name, Duration patience) throws InterruptedException {
        CompletableFuture<StepResult> f = pendingOf(name);
        if (f == null) {
            return null;
        }
        return settle(name, f, patience);
    }

    /** Waits until the session's pending statement ended (or {@code patience} passed: then null). */
    StepResult awaitDone(String name, Duration patience) throws InterruptedException {
        CompletableFuture<StepResult> f = pendingOf(name);
        if (f == null) {
            return null;
        }
        try {
            return f.get(patience.toMillis(), TimeUnit.MILLISECONDS).afterWaitingFor(latestBlockers(name));
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    private StepResult settle(String name, CompletableFuture<StepResult> future, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long look = FIRST_LOOK_MILLIS;
        List<String> waitedFor = List.of();
        while (true) {
            try {
                StepResult done = future.get(look, TimeUnit.MILLISECONDS);
                return done.afterWaitingFor(waitedFor.isEmpty() ? latestBlockers(name) : waitedFor);
            } catch (TimeoutException e) {
                List<String> blockers = waits().getOrDefault(name, List.of());
                if (!blockers.isEmpty()) {
                    markWaiting(name, blockers);
                    if (future.isDone()) {
                        continue;
                    }
                    return runningEntry(name).waiting(blockers, 0);
                }
                if (System.nanoTime() > deadline) {
                    return new StepResult(name, runningEntry(name).sql(), StepResult.Outcome.RUNNING, List.of(), List.of(),
                            -1, "", "", List.of(), false, session(name).state(), patience.toMillis());
                }
                look = Math.min(look * 2, MAX_LOOK_MILLIS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
            }
        }
    }

    private synchronized void markWaiting(String name, List<String> blockers) {
        List<StepResult> list = history.get(name);
        if (!list.isEmpty()) {
            StepResult last = list.get(list.size() - 1);
            if (last.outcome() == StepResult.Outcome.RUNNING || last.outcome() == StepResult.Outcome.WAITING) {
                list.set(list.size() - 1, last.waiting(blockers, 0));
            }
        }
    }

    private synchronized List<String> latestBlockers(String name) {
        List<StepResult> list = history.get(name);
        return list.isEmpty() ? List.of() : list.get(list.size() - 1).blockedBy();
    }

    private synchronized StepResult runningEntry(String name) {
        List<StepResult> list = history.get(name);
        return list.get(list.size() - 1);
    }

    /** True while the session has a statement the server has not answered. */
    public synchronized boolean busy(String name) {
        CompletableFuture<StepResult> f = pending.get(name);
        return f != null && !f.isDone();
    }

    /**
     * Who waits for whom now: for each session whose statement waits for a lock, the sessions
     * holding it ("another client (pid 123)" for a connection that is not the lab's). One query
     * on the app's pool; none when no session is busy.
     */
    public Map<String, List<String>> waits() {
        Map<Integer, String> byPid = new LinkedHashMap<>();
        synchronized (this) {
            for (LabSession s : sessions.values()) {
                CompletableFuture<StepResult> f = pending.get(s.name());
                if (s.pid() != 0 && f != null && !f.isDone()) {
                    byPid.put(s.pid(), s.name());
                }
            }
        }
        if (byPid.isEmpty()) {
            return Map.of();
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        sessions.values().forEach(s -> names.put(s.pid(), s.name()));
        Map<String, List<String>> waits = new LinkedHashMap<>();
        try (WorkContext.Scope ignored = WorkContext.enter("txlab: who waits for whom");
             Connection c = monitor.get().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity WHERE pid = ANY (?)")) {
            st.setArray(1, c.createArrayOf("int4", byPid.keySet().toArray()));
            try (ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    Array blocking = rows.getArray(2);
                    List<String> who = new ArrayList<>();
                    for (Object pid : (Object[]) blocking.getArray()) {
                        int p = ((Number) pid).intValue();
                        who.add(names.getOrDefault(p, "another client (pid " + p + ")"));
                    }
                    if (!who.isEmpty()) {
                        waits.put(byPid.get(rows.getInt(1)), who);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the server who waits for whom: " + LabErrors.firstLine(e.getMessage()), e);
        }
        return waits;
    }

    /** A session's statements so far, oldest first, with their outcomes (a waiting one updates when it ends). */
    public synchronized List<StepResult> history(String name) {
        return List.copyOf(history.get(name));
    }

    /** Forgets the statement lists (not the sessions or their transactions). */
    public synchronized void clearHistory() {
        history.values().forEach(List::clear);
    }

    /**
     * Ends every session's transaction and gives every connection back to the lab's pool: a
     * waiting statement is cancelled, an open transaction rolled back. Blocking.
     */
    public void releaseAll() throws InterruptedException {
        for (LabSession s : sessions.values()) {
            s.cancelRunning();
        }
        for (LabSession s : sessions.values()) {
            await(s.reconnect());
        }
        synchronized (this) {
            pending.clear();
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws InterruptedException {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The session did not answer within 30 s.", e);
        }
    }

    /** Closes every session (see {@link LabSession#close()}). Idempotent. */
    @Override
    public void close() {
        sessions.values().forEach(LabSession::close);
    }
}
