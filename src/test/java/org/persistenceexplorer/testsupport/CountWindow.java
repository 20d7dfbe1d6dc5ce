package org.persistenceexplorer.testsupport;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.StatementListener;

/**
 * One window of an exactness test on the shared test server: the server's counts reset, every
 * statement the shared recorder captures from then on collected, and the two compared.
 * Open it in {@code @BeforeEach} after the test's own setup, close it in {@code @AfterEach}.
 */
public final class CountWindow implements AutoCloseable {

    private final List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
    private final StatementListener listener = new StatementListener() {
        @Override
        public void statementCaptured(CapturedStatement statement) {
            seen.add(statement);
        }

        @Override
        public void statementCompleted(CapturedStatement captured, CapturedStatement completed) {
            // A result read to its end (or failed part-way) replaces the record taken when the statement answered.
            seen.replaceAll(s -> s == captured ? completed : s);
        }
    };
    private final ServerStatementCount server = new ServerStatementCount(TestEngines.sql().database());

    private CountWindow() {
    }

    /** Resets the server's counts and starts collecting. */
    public static CountWindow open() throws SQLException {
        CountWindow window = new CountWindow();
        window.server.reset();
        TestEngines.sql().recorder().addListener(window.listener);
        return window;
    }

    /** What was captured since the window opened (also statements of other recorders given {@link #listener()}). */
    public List<CapturedStatement> seen() {
        return seen;
    }

    /** To collect from a recorder of the test's own (a fresh pool) too. */
    public StatementListener listener() {
        return listener;
    }

    public ServerStatementCount server() {
        return server;
    }

    /** The app's successful executions equal the server's since the window opened. */
    public void assertAppCountMatches() throws SQLException {
        server.assertAppCountMatches(seen);
    }

    @Override
    public void close() {
        TestEngines.sql().recorder().removeListener(listener);
    }
}
