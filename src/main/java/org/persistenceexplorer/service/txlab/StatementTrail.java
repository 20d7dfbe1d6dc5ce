package org.persistenceexplorer.service.txlab;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * The statements one lesson sent, as the log captured them: listens on the recorder for the
 * current thread while open. The same records the log panel shows, so BEGIN ... ROLLBACK here is
 * what the server got. Open and close on the lesson's thread.
 */
final class StatementTrail implements AutoCloseable {

    private final StatementRecorder recorder;
    private final String thread = Thread.currentThread().getName();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final StatementListener listener = this::seen;

    StatementTrail(StatementRecorder recorder) {
        this.recorder = recorder;
        if (recorder != null) {
            recorder.addListener(listener);
        }
    }

    private void seen(CapturedStatement s) {
        if (s.thread().equals(thread)) {
            lines.add((s.succeeded() ? "" : "ERROR ") + s.text().replaceAll("\\s+", " ").trim());
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        if (recorder != null) {
            recorder.removeListener(listener);
        }
    }
}
