package org.persistenceexplorer.service.log;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementListener;

/**
 * Totals per action (statements, SELECTs, rows read, errors, time) with a reset of their own:
 * resetting them, or only the lab's, leaves the statement log and its counters as they are.
 * Thread-safe: statements arrive from any thread.
 */
public final class ActionTotals implements StatementListener {

    /** At most this many actions are kept (the least recently active dropped). */
    static final int MAX_ACTIONS = 500;

    private final LinkedHashMap<String, Mutable> totals = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mutable> eldest) {
            return size() > MAX_ACTIONS;
        }
    };

    @Override
    public synchronized void statementCaptured(CapturedStatement s) {
        Mutable t = totals.computeIfAbsent(s.action(), a -> new Mutable());
        t.statements += s.executions();
        if (s.kind() == StatementKind.SELECT) {
            t.selects += s.executions();
        }
        if (!s.succeeded()) {
            t.errors++;
        }
        if (s.rows() > 0) {
            t.rows += s.rows();
        }
        t.nanos += s.durationNanos();
    }

    /** A SELECT's result was read: its rows (and the error of a fetch that failed part-way) count now. */
    @Override
    public synchronized void statementCompleted(CapturedStatement captured, CapturedStatement completed) {
        Mutable t = totals.get(completed.action());
        if (t == null) {
            return; // reset since the statement ran: it counts no more
        }
        t.rows += Math.max(0, completed.rows()) - Math.max(0, captured.rows());
        t.nanos += completed.durationNanos() - captured.durationNanos();
        if (captured.succeeded() && !completed.succeeded()) {
            t.errors++;
        }
    }

    /** Every action's totals, the most recently active first. */
    public synchronized List<Total> all() {
        List<Total> list = new ArrayList<>(totals.size());
        totals.forEach((action, t) -> list.add(new Total(action, t.statements, t.selects, t.rows, t.errors, t.nanos)));
        java.util.Collections.reverse(list);
        return list;
    }

    /** The totals of one action, zero when none ran since the reset. */
    public synchronized Total of(String action) {
        Mutable t = totals.get(action);
        return t == null ? new Total(action, 0, 0, 0, 0, 0)
                : new Total(action, t.statements, t.selects, t.rows, t.errors, t.nanos);
    }

    /** Sums the actions whose label starts with {@code prefix} (e.g. "lab:"). */
    public synchronized Total sumOf(String prefix) {
        long statements = 0;
        long selects = 0;
        long rows = 0;
        long errors = 0;
        long nanos = 0;
        for (Map.Entry<String, Mutable> e : totals.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                Mutable t = e.getValue();
                statements += t.statements;
                selects += t.selects;
                rows += t.rows;
                errors += t.errors;
                nanos += t.nanos;
            }
        }
        return new Total(prefix, statements, selects, rows, errors, nanos);
    }

    /** Zero for every action; the log keeps its records and counters. */
    public synchronized void reset() {
        totals.clear();
    }

    /** Zero for the actions whose label starts with {@code prefix} only (the lab's reset). */
    public synchronized void resetWhere(String prefix) {
        Iterator<String> actions = totals.keySet().iterator();
        while (actions.hasNext()) {
            if (actions.next().startsWith(prefix)) {
                actions.remove();
            }
        }
    }

    /**
     * One action's totals since its last reset.
     *
     * @param statements server executions (a batch of 20 counts 20)
     * @param selects    of which SELECTs
     * @param rows       rows read or affected
     * @param errors     statements that failed
     * @param nanos      time the statements took
     */
    public record Total(String action, long statements, long selects, long rows, long errors, long nanos) {
        public double millis() {
            return nanos / 1_000_000.0;
        }
    }

    private static final class Mutable {
        long statements;
        long selects;
        long rows;
        long errors;
        long nanos;
    }
}
