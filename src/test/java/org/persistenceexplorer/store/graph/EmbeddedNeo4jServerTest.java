package org.persistenceexplorer.store.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.EngineStartException;

class EmbeddedNeo4jServerTest {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesARestartAndASecondInstanceIsToldTheFolderIsInUse() throws Exception {
        Path home = folder.resolve("neo4j");
        StatementRecorder recorder = new StatementRecorder();

        long t0 = System.nanoTime();
        EmbeddedNeo4jServer first = EmbeddedNeo4jServer.start(home);
        long started = System.nanoTime();
        try (GraphGateway graph = GraphGateway.connect(first.endpoint(), recorder)) {
            long connected = System.nanoTime();
            graph.write("CREATE (:Survivor {name: $name})", Map.of("name", "Ada"));
            long firstWrite = System.nanoTime();
            report("cold start", t0, started);
            report("connect", started, connected);
            report("first statement", connected, firstWrite);

            assertThatThrownBy(() -> EmbeddedNeo4jServer.start(home))
                    .isInstanceOf(EngineStartException.class)
                    .hasMessageContaining(home.toString())
                    .hasMessageContaining("in use by another running Persistence Explorer")
                    .satisfies(e -> assertThat(((EngineStartException) e).remedy()).contains("--data-dir"));
            assertThat(graph.read("RETURN 1 AS one", Map.of()).singleValue())
                    .as("the running server is unharmed by the failed second start").isEqualTo(1L);
        }
        long stopping = System.nanoTime();
        first.close();
        report("shutdown", stopping, System.nanoTime());

        long restarting = System.nanoTime();
        EmbeddedNeo4jServer second = EmbeddedNeo4jServer.start(home);
        GraphGateway graph = GraphGateway.connect(second.endpoint(), recorder);
        try {
            report("restart on existing data", restarting, System.nanoTime());
            assertThat(graph.read("MATCH (s:Survivor) RETURN s.name AS name", Map.of()).rows())
                    .extracting(row -> row.get("name")).containsExactly("Ada");
            long warmUp = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                graph.read("MATCH (s:Survivor) WHERE s.name = $name RETURN count(s) + " + i + " AS n", Map.of("name", "Ada"));
            }
            report("30 distinct statements after restart", warmUp, System.nanoTime());
        } finally {
            long stopping2 = System.nanoTime();
            graph.close();
            second.close();
            report("shutdown after restart", stopping2, System.nanoTime());
        }
    }

    @Test
    void unreachableAddressFailsQuicklyNamingTheAddress() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        for (String scheme : new String[] {"bolt", "neo4j"}) {
            Neo4jEndpoint nowhere = new Neo4jEndpoint(scheme + "://127.0.0.1:" + closedPort, "neo4j", "secret", false);
            long started = System.nanoTime();

            assertThatThrownBy(() -> GraphGateway.connect(nowhere, new StatementRecorder()))
                    .isInstanceOf(EngineStartException.class)
                    .hasMessageStartingWith("Neo4j at 127.0.0.1:" + closedPort + " is not reachable")
                    .satisfies(e -> assertThat(((EngineStartException) e).remedy()).contains("--neo4j-uri"));

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("fails fast instead of hanging").isLessThan(GraphGateway.VERIFY_TIMEOUT.toMillis());
            System.out.println(scheme + ":// unreachable reported after " + millis + " ms");
        }
    }

    @Test
    void serverThatNeverAnswersDoesNotHangTheCaller() throws IOException {
        // Accepts TCP connections (the OS does, via the backlog) but never speaks Bolt.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Neo4jEndpoint mute = new Neo4jEndpoint("bolt://127.0.0.1:" + silent.getLocalPort(), null, null, false);
            long started = System.nanoTime();

            assertThatThrownBy(() -> GraphGateway.connect(mute, new StatementRecorder()))
                    .isInstanceOf(EngineStartException.class)
                    .hasMessageContaining("127.0.0.1:" + silent.getLocalPort());

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).isLessThan(GraphGateway.VERIFY_TIMEOUT.toMillis() + 5_000);
            System.out.println("silent server reported after " + millis + " ms");
        }
    }

    @Test
    void endpointNeverShowsThePassword() {
        Neo4jEndpoint endpoint = new Neo4jEndpoint("neo4j://db.example.org", "alice", "s3cr3t", false);

        assertThat(endpoint.address()).isEqualTo("db.example.org:7687");
        assertThat(endpoint.toString()).isEqualTo("Neo4j external at db.example.org:7687 as alice").doesNotContain("s3cr3t");
    }

    private static void report(String what, long from, long to) {
        System.out.println("neo4j timing: " + what + " " + (to - from) / 1_000_000 + " ms");
    }
}
