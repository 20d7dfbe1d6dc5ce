package org.persistenceexplorer.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.testsupport.TestEngines;

/** Cypher mode on the real embedded Neo4j with the HR people imported. Reads only. */
class CypherConsoleTest {

    private final QueryConsole console = ConsoleEngines.console();

    @Test
    void nodesAndRelationshipsAreShownInCypherNotation() throws Exception {
        ConsoleResult.Rows rows = rows(run("MATCH (p:Person {employeeId: 250})-[r:REPORTS_TO]->(m) RETURN p, r, m.name AS boss"));
        assertThat(rows.rows().get(0).get(0)).startsWith("(:Person {name: 'Laura Richter', ").contains("employeeId: 250");
        assertThat(rows.rows().get(0).get(1)).isEqualTo("[:REPORTS_TO]");
    }

    @Test
    void profileOfAShortestPathIsAPlanTreeWithRowsAndDbHits() throws Exception {
        ConsoleRun run = console.explain(ConsoleMode.CYPHER, new ScriptPiece("MATCH (a:Person {employeeId: 250}), "
                + "(b:Person {employeeId: 300}) MATCH path = shortestPath((a)-[:REPORTS_TO*]-(b)) RETURN length(path) AS hops", 0),
                true, RunSettings.defaults());

        assertThat(rows(run).rows()).hasSize(1);
        ConsoleResult.Plan plan = (ConsoleResult.Plan) run.results().stream().filter(r -> r instanceof ConsoleResult.Plan)
                .findFirst().orElseThrow();
        assertThat(plan.title()).isEqualTo("PROFILE");
        assertThat(plan.root().flatten()).extracting(PlanNode::operator).anyMatch(o -> o.contains("ShortestPath"));
        assertThat(plan.root().flatten()).anySatisfy(n -> assertThat(n.dbHits()).isPositive());
        assertThat(plan.root().flatten()).filteredOn(PlanNode::slowest).hasSize(1);
        assertThat(plan.note()).contains("Most work");
    }

    @Test
    void explainOnlyPlans() throws Exception {
        ConsoleRun run = console.explain(ConsoleMode.CYPHER, new ScriptPiece("MATCH (p:Person) RETURN count(p)", 0), false,
                RunSettings.defaults());
        ConsoleResult.Plan plan = (ConsoleResult.Plan) run.results().stream().filter(r -> r instanceof ConsoleResult.Plan)
                .findFirst().orElseThrow();
        assertThat(plan.note()).contains("nothing ran");
        assertThat(plan.root().actualRows()).isEqualTo(-1);
    }

    @Test
    void aSyntaxErrorIsMarkedWhereTheServerSaysInTheScript() {
        String script = "RETURN 1;\nMATCH (p:Person) RETRUN p";
        ScriptPiece second = new ScriptPiece("MATCH (p:Person) RETRUN p", script.indexOf("MATCH"));
        assertThatThrownBy(() -> console.run(ConsoleMode.CYPHER, second, RunSettings.defaults()))
                .isInstanceOfSatisfying(ConsoleFailure.class, f -> {
                    assertThat(f.getMessage()).contains("Invalid input 'RETRUN'");
                    assertThat(script.substring(f.scriptOffset())).startsWith("RETRUN");
                });
    }

    @Test
    void parametersAreBound() throws Exception {
        ConsoleRun run = console.run(ConsoleMode.CYPHER, new ScriptPiece("MATCH (p:Person {employeeId: $id}) RETURN p.name", 0),
                RunSettings.defaults().withParameters(Map.of("id", "1")));
        assertThat(rows(run).rows()).singleElement().isEqualTo(java.util.List.of("Pedro Dalton"));
    }

    @Test
    void aHugeResultIsCutAtTheRowLimitNotHeldInMemory() throws Exception {
        ConsoleResult.Rows rows = rows(run("UNWIND range(1, 2000000) AS n RETURN n"));
        assertThat(rows.rows()).hasSize(CypherConsole.MAX_ROWS);
        assertThat(rows.capNote()).contains("discarded unread");
    }

    @Test
    void cancelTerminatesTheTransactionOnTheServer() throws Exception {
        Cancellation cancellation = new Cancellation();
        String marker = "console-cypher-cancel";
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try (Cancellation.Scope ignored = cancellation.enter("console: run")) {
                console.run(ConsoleMode.CYPHER, new ScriptPiece("// " + marker + "\nUNWIND range(1, 100000000) AS n "
                        + "WITH n WHERE n % 7 = 100 RETURN count(n)", 0), RunSettings.defaults().withTimeout(0));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Await.until(Duration.ofSeconds(20), () -> running(marker) == 1, "the query running on the server");

        cancellation.cancel();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(ConsoleFailure.class,
                f -> assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.CANCELLED));
        Await.until(Duration.ofSeconds(10), () -> running(marker) == 0, "the transaction gone from SHOW TRANSACTIONS");
    }

    @Test
    void theTimeLimitStopsARunawayQuery() {
        try (Cancellation.Scope ignored = new Cancellation().enter("console: run")) {
            assertThatThrownBy(() -> console.run(ConsoleMode.CYPHER, new ScriptPiece(
                    "UNWIND range(1, 100000000) AS n WITH n WHERE n % 7 = 100 RETURN count(n)", 0), RunSettings.defaults().withTimeout(1)))
                    .isInstanceOfSatisfying(ConsoleFailure.class, f -> assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.TIMEOUT));
        }
    }

    @Test
    void loadCsvFromAFileIsRefused() {
        assertThatThrownBy(() -> run("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"))
                .hasMessageContaining("read files of this computer");
    }

    private static long running(String marker) {
        Object count = TestEngines.graph().gateway().read("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $m "
                + "AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN count(*) AS n", Map.of("m", marker)).singleValue();
        return ((Number) count).longValue();
    }

    private ConsoleRun run(String cypher) throws ConsoleFailure {
        return console.run(ConsoleMode.CYPHER, new ScriptPiece(cypher, 0), RunSettings.defaults());
    }

    private static ConsoleResult.Rows rows(ConsoleRun run) {
        return (ConsoleResult.Rows) run.results().get(0);
    }
}
