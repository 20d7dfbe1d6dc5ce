package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;

class GraphEngineTest {

    /** The Bolt driver's event-loop threads; each open driver has its own. */
    private static final String DRIVER_THREADS = "Neo4jDriverIO";

    @TempDir
    Path dataDir;

    @Test
    void externalServerThatNothingListensOnFailsWithTheAddressAndTheWayOut() throws IOException {
        int deadPort = SqlEngineTest.freePort();
        EngineSettings settings = new EngineSettings(dataDir, null, null, null,
                "bolt://127.0.0.1:" + deadPort, "neo4j", "s3cret");
        GraphEngine engine = new GraphEngine(settings, new StatementRecorder());
        try {
            assertThat(engine.status().embedded()).isFalse();

            assertThatThrownBy(engine::start).isInstanceOfSatisfying(EngineStartException.class, e -> {
                assertThat(e.getMessage()).contains("127.0.0.1:" + deadPort).doesNotContain("s3cret");
                assertThat(e.remedy()).contains("--neo4j-uri");
            });

            EngineStatus status = engine.status();
            assertThat(status.state()).isEqualTo(EngineStatus.State.FAILED);
            assertThat(status.address()).isEqualTo("127.0.0.1:" + deadPort);
            assertThat(status.detail()).contains("127.0.0.1:" + deadPort);
            assertThatThrownBy(() -> engine.read("RETURN 1", java.util.Map.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not available");
            assertThat(dataDir.resolve("neo4j")).as("no embedded server was started").doesNotExist();
        } finally {
            engine.close();
        }
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.STOPPED);
    }

    @Test
    void failedStartsCanBeRetriedAndLeaveNoDriverBehind() throws Exception {
        int deadPort = SqlEngineTest.freePort();
        EngineSettings settings = new EngineSettings(dataDir, null, null, null, "bolt://127.0.0.1:" + deadPort, null, null);
        GraphEngine engine = new GraphEngine(settings, new StatementRecorder());
        long driverThreads = EngineThreads.named(DRIVER_THREADS);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class);
                assertThat(engine.status().state()).isEqualTo(EngineStatus.State.FAILED);
            }
            EngineThreads.awaitAtMost(DRIVER_THREADS, driverThreads, Duration.ofSeconds(20));
        } finally {
            engine.close();
        }
    }
}
