package org.persistenceexplorer.store.capture;

import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one capture point for every statement, SQL and Cypher. The SQL proxy listener and the
 * graph gateway hand it what they saw; it numbers the statement, attaches the current action
 * and thread, masks secrets and tells its listeners. Thread-safe; never blocks on I/O.
 */
public final class StatementRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(StatementRecorder.class);
    /** The name JavaFX gives its application thread; compared by name to keep JavaFX out of store/. */
    static final String UI_THREAD_NAME = "JavaFX Application Thread";

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final CaptureCostMeter cost = new CaptureCostMeter();

    /** The capture's own CPU cost, measured on a sample of statements by the capture path. */
    public CaptureCostMeter cost() {
        return cost;
    }

    public void addListener(StatementListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    /** A statement is about to be sent; its record follows after {@link #sent()}. */
    public void sending() {
        inFlight.incrementAndGet();
    }

    /** The statement announced with {@link #sending()} is over (its records follow at once). */
    public void sent() {
        inFlight.decrementAndGet();
    }

    /**
     * Statements sent and not yet recorded. While it is above zero the server may have counted a
     * statement the log has not seen yet, so a comparison with the server's count would be unfair.
     */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Records one finished statement (or JDBC batch) run by the current thread.
     *
     * @param rows  rows returned or affected, -1 when unknown
     * @param error null on success
     */
    /** The last text looked at for a password and the answer (immutable, swapped whole). */
    private record SecretAnswer(String text, boolean secret) {
    }

    private volatile SecretAnswer lastSecretAnswer;

    /**
     * {@link Secrets#mentionsPassword}, remembered for the last text by identity: an ORM sends
     * the same String again and again (an N+1 sends one text 10,000 times, and each SELECT is
     * looked at twice, recorded and completed), and scanning it each time is capture cost.
     */
    private boolean mentionsPassword(String text) {
        SecretAnswer last = lastSecretAnswer;
        if (last != null && last.text() == text) {
            return last.secret();
        }
        boolean secret = Secrets.mentionsPassword(text);
        lastSecretAnswer = new SecretAnswer(text, secret);
        return secret;
    }

    public CapturedStatement record(Engine engine, StatementKind kind, String text, List<String> parameters,
                                    long durationNanos, long rows, int batchSize, String error) {
        Thread thread = Thread.currentThread();
        boolean onUiThread = UI_THREAD_NAME.equals(thread.getName());
        boolean secret = mentionsPassword(text);
        List<String> shownParameters = secret ? parameters.stream().map(p -> "***").toList() : parameters;
        CapturedStatement statement = new CapturedStatement(
                sequence.incrementAndGet(), Instant.now(), engine, kind, secret ? Secrets.mask(text) : text,
                shownParameters, durationNanos, rows, batchSize, thread.getName(), onUiThread,
                secret ? Secrets.maskError(error) : Secrets.mask(error), WorkContext.currentAction());
        if (onUiThread) {
            LOG.warn("Statement #{} ran on the JavaFX thread (action '{}'): {}",
                    statement.sequence(), statement.action(), abbreviate(statement.text()));
        }
        for (StatementListener listener : listeners) {
            try {
                listener.statementCaptured(statement);
            } catch (RuntimeException e) {
                LOG.error("statement listener failed", e);
            }
        }
        return statement;
    }

    /**
     * Completes a statement recorded earlier whose result has been read since (rows read, time
     * spent fetching, and the error when the read failed part-way, e.g. a cursor fetch that hit a
     * division by zero): tells the listeners, who replace the record. Same sequence, action and
     * thread as the original. Returns the completed record.
     *
     * @param rows       rows read
     * @param fetchNanos time spent fetching after the statement's first answer, added to its duration
     * @param error      null when the read ended well
     */
    public CapturedStatement complete(CapturedStatement recorded, long rows, long fetchNanos, String error) {
        boolean secret = mentionsPassword(recorded.text());
        String shownError = error == null ? recorded.error() : secret ? Secrets.maskError(error) : Secrets.mask(error);
        CapturedStatement completed = new CapturedStatement(
                recorded.sequence(), recorded.finishedAt(), recorded.engine(), recorded.kind(), recorded.text(),
                recorded.parameters(), recorded.durationNanos() + fetchNanos, rows, recorded.batchSize(),
                recorded.thread(), recorded.onUiThread(), shownError, recorded.action());
        for (StatementListener listener : listeners) {
            try {
                listener.statementCompleted(recorded, completed);
            } catch (RuntimeException e) {
                LOG.error("statement listener failed", e);
            }
        }
        return completed;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
