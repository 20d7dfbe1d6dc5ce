package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.PostgresEndpoint;

class SqlEngineTest {

    @TempDir
    Path dataDir;

    @Test
    void externalServerThatNothingListensOnFailsWithTheAddressAndTheWayOut() throws IOException {
        int deadPort = freePort();
        EngineSettings settings = new EngineSettings(dataDir, "jdbc:postgresql://127.0.0.1:" + deadPort + "/hr",
                "app", "s3cret", null, null, null);
        SqlEngine engine = new SqlEngine(settings, new StatementRecorder(), RootPolicy.detect());
        try {
            assertThat(engine.status().state()).isEqualTo(EngineStatus.State.STARTING);
            assertThat(engine.status().embedded()).isFalse();

            assertThatThrownBy(engine::start).isInstanceOfSatisfying(EngineStartException.class, e -> {
                assertThat(e.getMessage()).contains("127.0.0.1:" + deadPort + "/hr").doesNotContain("s3cret");
                assertThat(e.remedy()).contains("--pg-url");
            });

            EngineStatus status = engine.status();
            assertThat(status.state()).isEqualTo(EngineStatus.State.FAILED);
            assertThat(status.address()).isEqualTo("127.0.0.1:" + deadPort + "/hr");
            assertThat(status.detail()).contains("127.0.0.1:" + deadPort);
            assertThat(engine.pool()).isEqualTo(PoolStatus.NONE);
            assertThatThrownBy(engine::dataSource).isInstanceOf(IllegalStateException.class);
            assertThat(dataDir.resolve("postgres")).as("no embedded server was started").doesNotExist();
        } finally {
            engine.close();
        }
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.STOPPED);
    }

    @Test
    void embeddedServerRefusedForRootNamesBothWaysOutAndStartsNothing() {
        EngineSettings settings = new EngineSettings(dataDir, null, null, null, null, null, null);
        SqlEngine engine = new SqlEngine(settings, new StatementRecorder(), RootPolicy.of(true, false));

        assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class)
                .hasMessage(RootPolicy.ROOT_REFUSED);
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.FAILED);
        assertThat(Files.exists(settings.postgresFolder())).isFalse();
        engine.close();
    }

    @Test
    void failedStartsCanBeRetriedAndLeaveNoPoolBehind() throws Exception {
        int deadPort = freePort();
        EngineSettings settings = new EngineSettings(dataDir, "jdbc:postgresql://127.0.0.1:" + deadPort + "/hr",
                "app", null, null, null, null);
        SqlEngine engine = new SqlEngine(settings, new StatementRecorder(), RootPolicy.detect());
        long poolThreads = EngineThreads.named("pe-sql");
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class);
                assertThat(engine.status().state()).isEqualTo(EngineStatus.State.FAILED);
            }
            EngineThreads.awaitAtMost("pe-sql", poolThreads, Duration.ofSeconds(10));
        } finally {
            engine.close();
        }
    }

    @Test
    void externalEndpointHostAndPortAreReadFromTheUrl() {
        assertThat(endpoint("jdbc:postgresql://db.example:6543/hr?ssl=true")).containsExactly("db.example", 6543);
        assertThat(endpoint("jdbc:postgresql://db.example/hr")).containsExactly("db.example", 5432);
        assertThat(endpoint("jdbc:postgresql://first:5433,second:5434/hr")).containsExactly("first", 5433);
        assertThat(endpoint("jdbc:postgresql://[::1]:5435/hr")).containsExactly("::1", 5435);
        assertThat(endpoint("jdbc:postgresql://[::1]/hr")).containsExactly("::1", 5432);
        assertThat(endpoint("jdbc:postgresql:hr")).containsExactly("localhost", 5432);
    }

    private static List<Object> endpoint(String url) {
        PostgresEndpoint endpoint = new PostgresEndpoint(url, "app", null, false);
        return List.of(endpoint.host(), endpoint.port());
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
