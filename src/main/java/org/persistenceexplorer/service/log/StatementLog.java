package org.persistenceexplorer.service.log;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementListener;

/**
 * Every statement the app ran, SQL and Cypher: the newest {@code capacity} records in a ring
 * buffer, with counters that count every statement ever captured since the last reset (total,
 * per kind, per action). Counters count server executions: a JDBC batch of 20 counts 20.
 * Thread-safe: statements arrive from any thread; readers take consistent snapshots.
 * Readers poll it at their own pace with a cursor ({@link #readFrom(long)}), so a burst of
 * statements never floods the UI.
 */
public final class StatementLog implements StatementListener {

    public static final int DEFAULT_CAPACITY = 100_000;
    /** Per-action counts kept for at most this many distinct actions (oldest dropped). */
    static final int MAX_ACTIONS = 1_000;
    /** Completions kept for readers that took a record before its rows were read. */
    static final int COMPLETIONS = 8_192;
    /** How far back (in sequence numbers) a completion looks for its record: threads arrive a little out of order. */
    private static final long COMPLETION_REACH = 4_096;

    private final int capacity;
    private final CapturedStatement[] ring;
    /** Records ever appended; never goes back, so it is a cursor readers can hold. */
    private long appended;
    /** {@link #appended} at the last reset: nothing before it is readable any more. */
    private long clearedAt;
    private long total;
    private long errors;
    private long uiThreadStatements;
    /** Successful PostgreSQL executions ever captured: what the server counts too. Never reset. */
    private long sqlExecutions;
    /** How many times {@link #reset()} ran. */
    private long resets;
    /** The highest sequence counted before the last reset: a completion of an older record changes no counter. */
    private long sequenceAtReset;
    private long highestSequence;
    /** Records completed after they were appended (their rows read), newest {@link #COMPLETIONS} kept. */
    private final Completion[] completions = new Completion[COMPLETIONS];
    private long completed;
    private final EnumMap<StatementKind, Long> perKind = new EnumMap<>(StatementKind.class);
    private final LinkedHashMap<String, Long> perAction = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ACTIONS;
        }
    };

    public StatementLog() {
        this(DEFAULT_CAPACITY);
    }

    public StatementLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ring = new CapturedStatement[capacity];
    }

    @Override
    public synchronized void statementCaptured(CapturedStatement statement) {
        highestSequence = Math.max(highestSequence, statement.sequence());
        ring[(int) (appended % capacity)] = statement;
        appended++;
        long executions = statement.executions();
        total += executions;
        if (!statement.succeeded()) {
            errors++;
        }
        if (statement.onUiThread()) {
            uiThreadStatements++;
        }
        if (statement.succeeded() && statement.engine() == Engine.POSTGRESQL) {
            sqlExecutions += executions;
        }
        perKind.merge(statement.kind(), executions, Long::sum);
        perAction.merge(statement.action(), executions, Long::sum);
    }

    /**
     * A record's result was read: it now carries its rows (and the error when the reading failed
     * part-way, which makes it a failure the server does not count either). Replaces the record
     * where it still is in the buffer; readers that took it earlier get it again from
     * {@link #readFrom(long, long)}.
     */
    @Override
    public synchronized void statementCompleted(CapturedStatement captured, CapturedStatement done) {
        long oldest = oldestReadable();
        for (long i = appended - 1; i >= oldest; i--) {
            int slot = (int) (i % capacity);
            CapturedStatement held = ring[slot];
            if (held == captured) {
                ring[slot] = done;
                completions[(int) (completed % COMPLETIONS)] = new Completion(i, done);
                completed++;
                break;
            }
            if (held.sequence() + COMPLETION_REACH < captured.sequence()) {
                break;
            }
        }
        if (captured.succeeded() && !done.succeeded()) {
            if (captured.engine() == Engine.POSTGRESQL) {
                sqlExecutions -= captured.executions();
            }
            if (captured.sequence() > sequenceAtReset) {
                errors++;
            }
        }
    }

    /**
     * Like {@link #readFrom(long)}, and also the records completed since {@code completedCursor}
     * that this reader had already taken (appended before {@code cursor}): replace them by
     * sequence. Records appended at or after {@code cursor} come complete in the page itself.
     */
    public synchronized Page readFrom(long cursor, long completedCursor) {
        Page page = readFrom(cursor);
        long start = Math.max(completedCursor, completed - COMPLETIONS);
        List<CapturedStatement> stale = new ArrayList<>();
        for (long i = start; i < completed; i++) {
            Completion completion = completions[(int) (i % COMPLETIONS)];
            if (completion.index() < cursor && completion.index() >= oldestReadable()) {
                stale.add(completion.statement());
            }
        }
        return new Page(page.statements(), page.next(), stale, completed);
    }

    /**
     * What was appended at or after {@code cursor}, in arrival order, and the cursor to read from
     * next time. Arrival order, not sequence order: statements from several threads arrive a
     * little out of order, and a reader that went by sequence numbers would skip one that
     * arrives after a higher-numbered one. Records overwritten before they were read are gone.
     * Costs time for the new records only.
     */
    public synchronized Page readFrom(long cursor) {
        long start = Math.max(cursor, oldestReadable());
        List<CapturedStatement> fresh = new ArrayList<>((int) Math.max(0, appended - start));
        for (long i = start; i < appended; i++) {
            fresh.add(ring[(int) (i % capacity)]);
        }
        return new Page(fresh, appended, List.of(), completed);
    }

    private long oldestReadable() {
        return Math.max(clearedAt, appended - capacity);
    }

    /** The records still in the buffer whose sequence is greater than {@code afterSequence}, in sequence order. */
    public synchronized List<CapturedStatement> since(long afterSequence) {
        List<CapturedStatement> result = new ArrayList<>();
        for (long i = oldestReadable(); i < appended; i++) {
            CapturedStatement statement = ring[(int) (i % capacity)];
            if (statement.sequence() > afterSequence) {
                result.add(statement);
            }
        }
        result.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return result;
    }

    /** All records still in the buffer, oldest first. */
    public List<CapturedStatement> all() {
        return since(0);
    }

    /** Counters at one moment, consistent with each other. */
    public synchronized Counters counters() {
        return new Counters(total, errors, uiThreadStatements, new EnumMap<>(perKind), Map.copyOf(perAction));
    }

    /** Statements counted for one action label since the last reset. */
    public synchronized long countFor(String action) {
        return perAction.getOrDefault(action, 0L);
    }

    /**
     * Where the reconciliation stands in the log right now, consistent: successful PostgreSQL
     * executions ever captured (not reset), the arrival cursor, and how many resets happened.
     */
    public synchronized Position position() {
        return new Position(sqlExecutions, appended, resets);
    }

    /** Empties the buffer and sets every counter back to zero. */
    public synchronized void reset() {
        resets++;
        sequenceAtReset = highestSequence;
        java.util.Arrays.fill(ring, null);
        clearedAt = appended;
        total = 0;
        errors = 0;
        uiThreadStatements = 0;
        perKind.clear();
        perAction.clear();
    }

    public int capacity() {
        return capacity;
    }

    /**
     * A moment in the log, for comparing with the server over a window.
     *
     * @param sqlExecutions successful PostgreSQL executions ever captured
     * @param cursor        for {@link #readFrom(long)}: what arrives after this moment
     * @param resets        resets so far
     */
    public record Position(long sqlExecutions, long cursor, long resets) {
    }

    /**
     * One read of the log.
     *
     * @param statements    what arrived since the cursor, in arrival order
     * @param next          the cursor for the next read
     * @param completed     records taken by an earlier read that are complete now (rows read):
     *                      replace them by sequence; empty unless read with a completion cursor
     * @param nextCompleted the completion cursor for the next read
     */
    public record Page(List<CapturedStatement> statements, long next, List<CapturedStatement> completed,
                       long nextCompleted) {
        public Page {
            completed = List.copyOf(completed);
        }
    }

    /** Where a completed record sits in the arrival order, and the record as it is now. */
    private record Completion(long index, CapturedStatement statement) {
    }

    /**
     * Counter values at one moment.
     *
     * @param total              server executions counted
     * @param errors             statements that failed
     * @param uiThreadStatements statements that ran on the JavaFX thread (should stay 0)
     */
    public record Counters(long total, long errors, long uiThreadStatements,
                           Map<StatementKind, Long> perKind, Map<String, Long> perAction) {

        public long of(StatementKind kind) {
            return perKind.getOrDefault(kind, 0L);
        }
    }
}
