package org.persistenceexplorer.service.txlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One anomaly script being run at one level, step by step: each step goes to its session and
 * comes back done, failed, or waiting for a lock (the waiting one finishes later, recorded
 * against the step that let it go on). A step of a session whose transaction an error aborted
 * is skipped, as a client would. {@link #finish()} ends what is open, reads the table, judges
 * the anomaly, retries a transaction the server aborted (alone, so it succeeds) and says how.
 *
 * <p>Blocking; one thread at a time (the lab's lane).
 */
public final class ScriptRun {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern READ_PLUS_ONE = Pattern.compile("\\{v(\\d+)\\+1}");

    private final LabSessions sessions;
    private final TestTable table;
    private final AnomalyTest test;
    private final Isolation level;
    private final String action;
    private final List<StepResult> results = new ArrayList<>();
    private final List<Integer> waitedUntil = new ArrayList<>();
    private CellResult finished;

    ScriptRun(LabSessions sessions, TestTable table, AnomalyTest test, Isolation level) throws InterruptedException {
        this.sessions = sessions;
        this.table = table;
        this.test = test;
        this.level = level;
        this.action = "txlab: " + test.id() + " at " + level.label();
        sessions.releaseAll();
        sessions.clearHistory();
        table.reset();
        for (String name : LabSessions.NAMES) {
            sessions.setIsolation(name, level);
        }
    }

    public AnomalyTest test() {
        return test;
    }

    public Isolation level() {
        return level;
    }

    /** Index (0-based) of the next step; equals the step count when all ran. */
    public int next() {
        return results.size();
    }

    public boolean allStepsRun() {
        return results.size() == test.steps().size();
    }

    /** The results so far, one per step run (a waiting one is replaced once it finished). */
    public List<StepResult> results() {
        return List.copyOf(results);
    }

    /** Runs the next step and lets any step that waited go on if it can. Returns the step's result. */
    public StepResult step() throws InterruptedException {
        if (allStepsRun()) {
            throw new IllegalStateException("Every step of " + test.id() + " has run.");
        }
        Step step = test.steps().get(results.size());
        LabSession session = sessions.session(step.session());
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).outcome() == StepResult.Outcome.WAITING && results.get(i).session().equals(step.session())) {
                // the session's earlier statement must end before its next one starts (a deadlock check may end it)
                StepResult now = sessions.awaitDone(step.session(), PATIENCE);
                if (now != null) {
                    results.set(i, now);
                    waitedUntil.set(i, results.size());
                }
            }
        }
        StepResult result;
        StepResult.TransactionState before = session.state();
        if (before == StepResult.TransactionState.ABORTED && !step.ends()) {
            result = StepResult.skipped(step.session(), step.sql(),
                    "the transaction was aborted by an earlier error; only ROLLBACK is accepted", before);
            sessions.recordSkipped(result);
        } else {
            result = sessions.run(step.session(), resolve(step.sql(), step.session()), action, PATIENCE);
            if (before == StepResult.TransactionState.ABORTED && result.outcome() == StepResult.Outcome.DONE) {
                result = new StepResult(result.session(), result.sql(), StepResult.Outcome.DONE, result.columns(), result.rows(),
                        result.updateCount(), "", "the transaction was aborted: " + step.sql().trim().toUpperCase(java.util.Locale.ROOT)
                        + " rolled it back", result.blockedBy(), result.waited(), result.transaction(), result.millis());
            }
        }
        results.add(result);
        waitedUntil.add(0);
        settleWaiting();
        return results.get(results.size() - 1);
    }

    /** Steps waiting for a lock may go on now that another step ran: wait until each is done or still waiting. */
    private void settleWaiting() throws InterruptedException {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).outcome() == StepResult.Outcome.WAITING) {
                StepResult now = sessions.settle(results.get(i).session(), PATIENCE);
                if (now != null && (now.outcome() == StepResult.Outcome.DONE || now.outcome() == StepResult.Outcome.FAILED)) {
                    results.set(i, now);
                    waitedUntil.set(i, results.size());
                }
            }
        }
    }

    /** The value of row {@code id} this session last read in this run, plus one. */
    private String resolve(String sql, String session) {
        Matcher m = READ_PLUS_ONE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            Integer read = null;
            for (StepResult r : results) {
                if (r.session().equals(session) && Observed.idValues(r).containsKey(id)) {
                    read = Observed.idValues(r).get(id);
                }
            }
            if (read == null) {
                throw new IllegalStateException("Session " + session + " has not read row " + id + " yet.");
            }
            m.appendReplacement(out, String.valueOf(read + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Runs the remaining steps and finishes. */
    public CellResult runToEnd() throws InterruptedException {
        while (!allStepsRun()) {
            step();
        }
        return finish();
    }

    /**
     * Ends the run: waits for what still waits, rolls back what is open, judges the anomaly from
     * what was read and the table afterwards, then retries each transaction the server aborted.
     * Idempotent.
     */
    public CellResult finish() throws InterruptedException {
        if (finished != null) {
            return finished;
        }
        while (!allStepsRun()) {
            step();
        }
        settleWaiting();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).outcome() == StepResult.Outcome.WAITING) {
                // e.g. a deadlock's two waiters: the server's deadlock check ends one of them
                StepResult now = sessions.awaitDone(results.get(i).session(), PATIENCE);
                if (now != null) {
                    results.set(i, now);
                }
            }
        }
        for (StepResult r : results) {
            if (r.outcome() == StepResult.Outcome.WAITING) {
                throw new IllegalStateException("Step \"" + r.sql() + "\" of session " + r.session()
                        + " still waits for " + String.join(", ", r.blockedBy()) + " after every step ran.");
            }
        }
        for (String name : LabSessions.NAMES) {
            if (sessions.session(name).state() != StepResult.TransactionState.IDLE) {
                sessions.run(name, "rollback", action + " (clean up)", PATIENCE);
            }
        }
        Map<Integer, Integer> after = table.rows();
        Observed observed = new Observed(results, after);
        boolean occurred = test.occurred().test(observed);
        List<StepResult> retried = new ArrayList<>();
        String retry = retry(retried);
        finished = new CellResult(test, level, how(occurred), detail(occurred), Hermitage.prevents(test, level),
                results, waitedUntil, retry, retried);
        return finished;
    }

    private Prevention how(boolean occurred) {
        if (occurred) {
            return Prevention.OCCURRED;
        }
        if (results.stream().anyMatch(StepResult::isSerializationFailure)) {
            return Prevention.ABORTED;
        }
        if (results.stream().anyMatch(StepResult::waited)) {
            return Prevention.BLOCKED;
        }
        return Prevention.NOT_OBSERVABLE;
    }

    private String detail(boolean occurred) {
        String waits = waitsText();
        if (occurred) {
            return "occurs (" + test.evidence() + ")" + (waits.isEmpty() ? "; nothing stopped it" : "; " + waits + ", then went ahead");
        }
        for (int i = 0; i < results.size(); i++) {
            StepResult r = results.get(i);
            if (r.isSerializationFailure()) {
                return "aborted with " + r.sqlState() + " at step " + (i + 1) + " (" + r.session() + ": " + r.sql() + ")"
                        + (r.waited() ? " after waiting for " + String.join(", ", r.blockedBy()) : "");
            }
        }
        if (!waits.isEmpty()) {
            return "blocked: " + waits;
        }
        return "not observable: every read showed committed data only" + (level.effective() == Isolation.READ_COMMITTED
                ? "" : " from the transaction's snapshot");
    }

    private String waitsText() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            StepResult r = results.get(i);
            if (r.waited() && !r.isSerializationFailure()) {
                int until = waitedUntil.get(i);
                Step unblocking = until > 0 ? test.steps().get(until - 1) : null;
                parts.add(r.session() + " waited at step " + (i + 1) + " for " + String.join(", ", r.blockedBy())
                        + (unblocking == null ? "" : " until " + unblocking.session() + "'s " + unblocking.sql().trim()
                        + " (step " + until + ")"));
            }
        }
        return String.join("; ", parts);
    }

    /** Replays, alone, each transaction the server aborted; says how it went. */
    private String retry(List<StepResult> retried) throws InterruptedException {
        Set<String> aborted = new LinkedHashSet<>();
        results.stream().filter(StepResult::isSerializationFailure).forEach(r -> aborted.add(r.session()));
        List<String> said = new ArrayList<>();
        for (String name : aborted) {
            List<Step> own = test.steps().stream().filter(s -> s.session().equals(name)).toList();
            int firstBegin = 0;
            for (int i = 0; i < own.size(); i++) {
                if (own.get(i).begins()) {
                    firstBegin = i;
                }
            }
            List<StepResult> attempt = new ArrayList<>();
            boolean ok = true;
            for (Step s : own.subList(firstBegin, own.size())) {
                String sql = s.sql();
                if (READ_PLUS_ONE.matcher(sql).find()) {
                    sql = resolveIn(sql, attempt);
                }
                StepResult r = sessions.run(name, sql, action + " (retry " + name + ")", PATIENCE);
                attempt.add(r);
                if (r.outcome() != StepResult.Outcome.DONE) {
                    ok = false;
                    break;
                }
            }
            if (sessions.session(name).state() != StepResult.TransactionState.IDLE) {
                sessions.run(name, "rollback", action + " (clean up)", PATIENCE);
            }
            retried.addAll(attempt);
            said.add(name + " retried once: " + (ok ? "committed" : "failed again (" + attempt.get(attempt.size() - 1).summary() + ")"));
        }
        return String.join("; ", said);
    }

    private static String resolveIn(String sql, List<StepResult> attempt) {
        Matcher m = READ_PLUS_ONE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int id = Integer.parseInt(m.group(1));
            Integer read = null;
            for (StepResult r : attempt) {
                if (Observed.idValues(r).containsKey(id)) {
                    read = Observed.idValues(r).get(id);
                }
            }
            m.appendReplacement(out, read == null ? m.group() : String.valueOf(read + 1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
