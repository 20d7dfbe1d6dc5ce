package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.PostgresInAnotherProcess;

/**
 * Starting the embedded PostgreSQL on a folder: refused as root without user namespaces,
 * recovering a server orphaned by a crashed app, and leaving a server that another running
 * app owns alone. The other app is a real second JVM ({@link PostgresInAnotherProcess}).
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path folder;

    @Test
    void rootWithoutUserNamespacesIsRefusedBeforeAnythingStarts() {
        Path data = folder.resolve("postgres");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, RootPolicy.of(true, false)))
                .isInstanceOfSatisfying(EngineStartException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(RootPolicy.ROOT_REFUSED).contains("normal (non-root) user", "--pg-url");
                    assertThat(e.remedy()).contains("--pg-url");
                });
        assertThat(data).as("not even the data folder was created").doesNotExist();
    }

    @Test
    void serverLeftRunningByACrashedAppIsStoppedAndTheDataIsThereAfterRestart() throws Exception {
        Path data = folder.resolve("postgres");
        PostgresInAnotherProcess crashed = PostgresInAnotherProcess.start(data);
        crashed.crash();
        long orphanPid = postmasterPid(data).orElseThrow();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the crash really left the server running (pid %d)", orphanPid).contains(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, RootPolicy.detect())) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped").isFalse();
            assertThat(postmasterPid(data)).isPresent().isNotEqualTo(Optional.of(orphanPid));
            try (Connection c = connect(restarted.endpoint().jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM " + PostgresInAnotherProcess.TABLE)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the crash");
            }
        }
        assertThat(data.resolve("postmaster.pid")).as("stopped cleanly").doesNotExist();
    }

    @Test
    void serverOfAnotherRunningAppIsLeftAloneAndTheUserToldTheFolderIsInUse() throws Exception {
        Path data = folder.resolve("postgres");
        try (PostgresInAnotherProcess other = PostgresInAnotherProcess.start(data)) {
            long otherPid = postmasterPid(data).orElseThrow();

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, RootPolicy.detect()).close())
                    .isInstanceOfSatisfying(EngineStartException.class, e -> {
                        assertThat(e.getMessage()).contains(data.toString()).contains("in use by another running");
                        assertThat(e.remedy()).contains("--data-dir");
                    });

            assertThat(ProcessHandle.of(otherPid).map(ProcessHandle::isAlive)).contains(true);
            try (Connection c = connect(other.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + PostgresInAnotherProcess.TABLE)) {
                assertThat(rs.next()).as("the other app's server still takes new connections").isTrue();
            } catch (SQLException e) {
                throw new AssertionError("the other app's server was harmed: " + e.getMessage() + "\n" + other.output(), e);
            }
        }
        assertThat(data.resolve("postmaster.pid")).as("the other app stopped its server on exit").doesNotExist();
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static Optional<Long> postmasterPid(Path data) throws java.io.IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().map(String::trim).map(Long::valueOf);
    }
}
