package org.persistenceexplorer.testsupport;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * Collects what the shared recorder captures for one test: only statements whose action starts
 * with this test's unique action label, so other tests and threads do not get in the way.
 * Close it to stop listening. Thread-safe.
 */
public final class RecordedStatements implements StatementListener, AutoCloseable {

    private final StatementRecorder recorder;
    private final String action;
    private final List<CapturedStatement> statements = new CopyOnWriteArrayList<>();

    private RecordedStatements(StatementRecorder recorder, String action) {
        this.recorder = recorder;
        this.action = action;
    }

    /** Starts listening for actions that begin with {@code prefix} plus a unique suffix (see {@link #action()}). */
    public static RecordedStatements listen(StatementRecorder recorder, String prefix) {
        RecordedStatements recorded = new RecordedStatements(recorder, prefix + " " + UUID.randomUUID());
        recorder.addListener(recorded);
        return recorded;
    }

    /** The unique action label to run the test's statements under. */
    public String action() {
        return action;
    }

    @Override
    public void statementCaptured(CapturedStatement statement) {
        if (statement.action() != null && statement.action().contains(action)) {
            statements.add(statement);
        }
    }

    /** A result read since (rows known now, or failed part-way) replaces the record taken earlier. */
    @Override
    public void statementCompleted(CapturedStatement captured, CapturedStatement completed) {
        statements.replaceAll(s -> s == captured ? completed : s);
    }

    public List<CapturedStatement> all() {
        return List.copyOf(statements);
    }

    public List<CapturedStatement> matching(Predicate<CapturedStatement> filter) {
        return statements.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        recorder.removeListener(this);
    }
}
