package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.CountWindow;
import org.persistenceexplorer.testsupport.ServerStatementCount;
import org.persistenceexplorer.testsupport.TestEngines;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * pgjdbc's CopyManager talks to the server past datasource-proxy; the captured connection
 * records each COPY as one statement with its rows (and the BEGIN ahead of it in a transaction),
 * so the count still equals pg_stat_statements, and cancelling the work stops a running COPY.
 */
class CopyCaptureTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(25);
    private SqlDatabase database;
    private CountWindow window;
    private List<CapturedStatement> seen;

    @BeforeEach
    void listen() throws SQLException {
        database = TestEngines.sql().database();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS copy_check");
            s.execute("CREATE TABLE IF NOT EXISTS copy_check.item (id int, label text)");
            s.execute("TRUNCATE copy_check.item");
        }
        window = CountWindow.open();
        seen = window.seen();
    }

    @AfterEach
    void stopListening() {
        window.close();
    }

    @Test
    void eachCopyInAndOutIsOneStatementWithItsRows() throws Exception {
        try (Connection c = database.connection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long in = copy.copyIn("COPY copy_check.item FROM STDIN", new StringReader("1\ta\n2\tb\n3\tc\n"));
            StringWriter out = new StringWriter();
            long outRows = copy.copyOut("COPY copy_check.item TO STDOUT", out);
            c.setAutoCommit(false);
            CopyIn streaming = copy.copyIn("COPY copy_check.item FROM STDIN");
            byte[] row = "4\td\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            streaming.writeToCopy(row, 0, row.length);
            streaming.endCopy();
            c.commit();
            c.setAutoCommit(true);

            assertThat(in).isEqualTo(3);
            assertThat(outRows).isEqualTo(3);
            assertThat(out.toString()).contains("2\tb");
        }
        window.assertAppCountMatches();
        assertThat(seen).filteredOn(s -> s.text().startsWith("COPY")).extracting(CapturedStatement::rows)
                .containsExactly(3L, 3L, 1L);
        assertThat(seen).filteredOn(s -> s.text().equals("COPY copy_check.item TO STDOUT"))
                .singleElement().extracting(CapturedStatement::kind).isEqualTo(StatementKind.SELECT);
        assertThat(seen).extracting(CapturedStatement::text).contains("BEGIN", "COMMIT");
    }

    @Test
    void cancellingTheWorkStopsARunningCopy() throws Exception {
        String marker = "copy-" + UUID.randomUUID();
        Cancellation work = new Cancellation();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (Cancellation.Scope ignored = work.enter("test: copy cancel"); Connection c = database.connection()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "COPY (SELECT pg_sleep(30) /* " + marker + " */) TO STDOUT", new StringWriter());
            } catch (SQLException | java.io.IOException e) {
                throw new CompletionException(e);
            }
        });
        Await.until(GIVE_UP, () -> activeOnServer(marker), "the COPY runs on the server");

        work.cancel();

        try {
            running.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the cancelled COPY completed");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("57014");
        }
        assertThat(seen).filteredOn(s -> s.text().contains(marker)).singleElement()
                .satisfies(s -> assertThat(s.succeeded()).isFalse());
    }

    private boolean activeOnServer(String marker) {
        return new ServerStatementCount(database).running(marker);
    }
}
