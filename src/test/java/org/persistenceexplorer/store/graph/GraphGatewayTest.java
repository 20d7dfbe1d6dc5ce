package org.persistenceexplorer.store.graph;

import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.domain.graph.GraphNode;
import org.persistenceexplorer.domain.graph.GraphPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TcpRelay;
import org.persistenceexplorer.testsupport.TestEngines;

class GraphGatewayTest {

    private static final String LABEL = "GatewayTest";

    private final GraphGateway graph = TestEngines.graph().gateway();
    private RecordedStatements recorded;
    private WorkContext.Scope scope;

    @BeforeEach
    void listen() {
        recorded = RecordedStatements.listen(TestEngines.graph().recorder(), "test: gateway");
        scope = WorkContext.enter(recorded.action());
    }

    @AfterEach
    void cleanUp() {
        graph.write("MATCH (n:" + LABEL + ") DETACH DELETE n", Map.of());
        graph.write("DROP INDEX gateway_test_marker IF EXISTS", Map.of());
        scope.close();
        recorded.close();
    }

    @Test
    void readIsRecordedOnceAsReadWithRowsParametersAndDuration() {
        GraphResult result = graph.read("UNWIND range(1, $count) AS x RETURN x", Map.of("count", 3));

        assertThat(result.columns()).containsExactly("x");
        assertThat(result.rows()).extracting(row -> row.get("x")).containsExactly(1L, 2L, 3L);
        assertThat(result.kind()).isEqualTo(StatementKind.CYPHER_READ);
        assertThat(recorded.all()).singleElement().satisfies(s -> {
            assertThat(s.engine()).isEqualTo(Engine.NEO4J);
            assertThat(s.kind()).isEqualTo(StatementKind.CYPHER_READ);
            assertThat(s.text()).isEqualTo("UNWIND range(1, $count) AS x RETURN x");
            assertThat(s.parameters()).containsExactly("count=3");
            assertThat(s.rows()).isEqualTo(3);
            assertThat(s.durationNanos()).isPositive();
            assertThat(s.error()).isNull();
        });
    }

    @Test
    void writeIsRecordedAsWriteFromTheServersQueryTypeWithCounters() {
        GraphResult result = graph.write("CREATE (n:" + LABEL + " {marker: $marker, size: $size}) RETURN n",
                Map.of("marker", "a", "size", 2));

        assertThat(result.kind()).isEqualTo(StatementKind.CYPHER_WRITE);
        assertThat(result.counters().nodesCreated()).isEqualTo(1);
        assertThat(result.counters().labelsAdded()).isEqualTo(1);
        assertThat(result.counters().propertiesSet()).isEqualTo(2);
        GraphNode node = (GraphNode) result.singleValue();
        assertThat(node.labels()).containsExactly(LABEL);
        assertThat(node.properties()).containsEntry("marker", "a").containsEntry("size", 2L);
        assertThat(recorded.all()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StatementKind.CYPHER_WRITE);
            assertThat(s.parameters()).containsExactly("marker='a'", "size=2");
            assertThat(s.rows()).as("affected: 1 node + 1 label + 2 properties").isEqualTo(4);
        });
    }

    @Test
    void schemaStatementIsRecordedAsSchema() {
        GraphResult result = graph.write("CREATE INDEX gateway_test_marker IF NOT EXISTS FOR (n:" + LABEL + ") ON (n.marker)", Map.of());

        assertThat(result.kind()).isEqualTo(StatementKind.CYPHER_SCHEMA);
        assertThat(result.counters().indexesAdded()).isEqualTo(1);
        assertThat(recorded.all()).singleElement().extracting(CapturedStatement::kind).isEqualTo(StatementKind.CYPHER_SCHEMA);
    }

    @Test
    void pathsComeBackAsPlainJavaValues() {
        GraphResult result = graph.write("CREATE p = (:" + LABEL + " {marker: 'x'})-[:KNOWS {since: 2020}]->(:" + LABEL
                + " {marker: 'y'}) RETURN p, date('2024-05-01') AS day, [1, 'two'] AS list", Map.of());

        Map<String, Object> row = result.rows().get(0);
        GraphPath path = (GraphPath) row.get("p");
        assertThat(path.length()).isEqualTo(1);
        assertThat(path.relationships().get(0).type()).isEqualTo("KNOWS");
        assertThat(path.relationships().get(0).properties()).containsEntry("since", 2020L);
        assertThat(path.nodes()).extracting(n -> n.properties().get("marker")).containsExactly("x", "y");
        assertThat(row.get("day")).isEqualTo(java.time.LocalDate.of(2024, 5, 1));
        assertThat(row.get("list")).isEqualTo(List.of(1L, "two"));
    }

    @Test
    void syntaxErrorIsRecordedWithItsErrorAndRethrownClearly() {
        assertThatThrownBy(() -> graph.read("MATCH (n RETURN n", Map.of()))
                .isInstanceOf(GraphQueryException.class)
                .isNotInstanceOf(GraphQueryCancelledException.class)
                .hasMessageStartingWith("Neo4j rejected the statement: Invalid input")
                .satisfies(e -> assertThat(((GraphQueryException) e).code()).isEqualTo("Neo.ClientError.Statement.SyntaxError"));
        assertThatThrownBy(() -> graph.write("CREATE (n:" + LABEL + " {", Map.of()))
                .isInstanceOf(GraphQueryException.class);

        assertThat(recorded.all()).hasSize(2);
        assertThat(recorded.all().get(0)).satisfies(s -> {
            assertThat(s.kind()).as("fallback for a failed read()").isEqualTo(StatementKind.CYPHER_READ);
            assertThat(s.error()).contains("Invalid input");
            assertThat(s.rows()).isEqualTo(-1);
        });
        assertThat(recorded.all().get(1).kind()).as("fallback for a failed write()").isEqualTo(StatementKind.CYPHER_WRITE);
    }

    @Test
    void readRefusesToWriteAndNothingIsWritten() {
        assertThatThrownBy(() -> graph.read("CREATE (:" + LABEL + ")", Map.of()))
                .isInstanceOf(GraphQueryException.class)
                .hasMessageContaining("read access mode");

        assertThat(graph.read("MATCH (n:" + LABEL + ") RETURN count(n) AS n", Map.of()).singleValue()).isEqualTo(0L);
        assertThat(recorded.all()).hasSize(2);
        assertThat(recorded.all().get(0).error()).contains("read access mode");
    }

    @Test
    void passwordsInStatementsAndErrorsAreMasked() {
        assertThatThrownBy(() -> graph.write("ALTER USER nobody SET PASSWORD 'hunter2' CHANGE", Map.of()))
                .isInstanceOf(GraphQueryException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));

        assertThat(recorded.all()).singleElement().satisfies(s -> {
            assertThat(s.text()).doesNotContain("hunter2");
            assertThat(s.error()).doesNotContain("hunter2");
        });
    }

    @Test
    void parameterTheDriverCannotSendIsRecordedAsFailed() {
        assertThatThrownBy(() -> graph.read("RETURN $value", Map.of("value", new Object())))
                .isInstanceOf(GraphQueryException.class);

        assertThat(recorded.all()).singleElement().satisfies(s -> assertThat(s.error()).isNotNull());
    }

    @Test
    void listParametersAreShownInFullAsCypherLiterals() {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(i);
        }

        graph.read("RETURN size($ids) AS n", Map.of("ids", many));

        String shown = recorded.all().get(0).parameters().get(0);
        assertThat(shown).startsWith("ids=[0, 1, 2").endsWith("498, 499]");
    }

    @Test
    void aParameterBeyondTheCapSaysWhereItWasCut() {
        String shown = GraphGateway.display(Map.of("text", "x".repeat(CypherLiteral.MAX_LENGTH + 10))).get(0);

        assertThat(shown).endsWith("… (truncated at 65,536 characters)");
    }

    @Test
    void mapsInAListReadAsCypher() {
        String shown = GraphGateway.display(Map.of("people", List.of(Map.of("name", "Ann O'Neil")))).get(0);

        assertThat(shown).isEqualTo("people=[{name: 'Ann O\\'Neil'}]");
    }

    @Test
    void concurrentCallsFromSeveralThreadsLoseNoRecord() throws Exception {
        int threads = 6;
        int perThread = 20;
        String action = recorded.action();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try (WorkContext.Scope ignored = WorkContext.enter(action)) {
                        for (int i = 0; i < perThread; i++) {
                            String marker = thread + "-" + i;
                            if (i % 2 == 0) {
                                graph.write("CREATE (:" + LABEL + " {marker: $marker})", Map.of("marker", marker));
                            } else {
                                graph.read("RETURN $marker AS marker", Map.of("marker", marker));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<CapturedStatement> all = recorded.all();
        assertThat(all).hasSize(threads * perThread);
        Set<String> markers = new HashSet<>();
        all.forEach(s -> markers.add(s.parameters().get(0)));
        assertThat(markers).hasSize(threads * perThread);
        assertThat(all).filteredOn(s -> s.kind() == StatementKind.CYPHER_WRITE).hasSize(threads * perThread / 2);
        assertThat(all).extracting(CapturedStatement::sequence).doesNotHaveDuplicates();
        assertThat(graph.read("MATCH (n:" + LABEL + ") RETURN count(n) AS n", Map.of()).singleValue())
                .isEqualTo((long) threads * perThread / 2);
    }

    @Test
    void connectivityCheckRecordsNothingAndSaysNoOnceTheServerIsGone() throws Exception {
        List<CapturedStatement> seen = new CopyOnWriteArrayList<>();
        StatementRecorder own = new StatementRecorder();
        own.addListener(seen::add);
        try (TcpRelay relay = new TcpRelay(TestEngines.graph().server().boltPort());
             GraphGateway checked = GraphGateway.connect(new Neo4jEndpoint("bolt://127.0.0.1:" + relay.port(),
                     null, null, false), own)) {
            for (int i = 0; i < 5; i++) {
                assertThat(checked.answers(Duration.ofSeconds(5))).isTrue();
            }
            relay.stop();
            // A check already on its way through the relay when it stops may still get its answer:
            // the watch checks every second, so what matters is that it says no soon after.
            org.persistenceexplorer.testsupport.Await.until(Duration.ofSeconds(15),
                    () -> !checked.answers(Duration.ofSeconds(2)), "the check says no once the server is gone");
        }
        assertThat(seen).as("the check runs no Cypher, so nothing reaches the statement log").isEmpty();
    }
}
