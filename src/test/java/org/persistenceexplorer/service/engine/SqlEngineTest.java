package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.store.engine.RootPolicy;

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

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
