package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.TestEngines;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Large objects go through pgjdbc's function-call protocol past datasource-proxy. The calls are
 * no statements (the server does not count them), but the function lookup and the BEGIN they
 * open are, and the count still equals pg_stat_statements.
 */
class LargeObjectCaptureTest {

    private CountWindow window;

    @BeforeEach
    void listen() throws SQLException {
        window = CountWindow.open();
    }

    @AfterEach
    void stopListening() {
        window.close();
    }

    @Test
    void writingAndReadingALargeObjectCountsWhatTheServerRan() throws SQLException {
        byte[] data = "a large object".getBytes(StandardCharsets.UTF_8);
        try (Connection c = TestEngines.sql().database().connection()) {
            c.setAutoCommit(false);
            LargeObjectManager objects = c.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = objects.createLO();
            try (LargeObject lo = objects.open(oid, LargeObjectManager.WRITE)) {
                lo.write(data);
            }
            c.commit();
            try (LargeObject lo = objects.open(oid, LargeObjectManager.READ)) {
                assertThat(lo.read(data.length)).isEqualTo(data);
            }
            objects.unlink(oid);
            c.commit();
            c.setAutoCommit(true);
        }
        window.assertAppCountMatches();
        assertThat(window.seen()).extracting(CapturedStatement::text).contains("BEGIN", "COMMIT");
    }
}
