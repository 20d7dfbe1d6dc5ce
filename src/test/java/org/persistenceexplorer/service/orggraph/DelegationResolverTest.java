package org.persistenceexplorer.service.orggraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Shortest paths, the resolver and adding / revoking delegations on a small known graph of its
 * own (ids 970001..970008, a permission and a role nobody else uses), built with Cypher and
 * removed again.
 *
 * <pre>
 *   Top (role grants P)  ← Mid ← Sub        Top ← Dee
 *   P delegations: Top ⇒ Dee ⇒ Eve ⇒ Dee (cycle), Top ⇒ Fay (expired) ⇒ Gil, Dee ⇒ Hal (other scope)
 * </pre>
 */
class DelegationResolverTest {

    private static final String P = "resolver test: approve";
    private static final String OTHER = "resolver test: other";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final CypherRunner graph = TestEngines.graph().cypher();

    @BeforeEach
    void buildGraph() {
        clean();
        graph.write("""
                MERGE (role:Role {name: 'Resolver Test Approver'})
                MERGE (p:Permission {name: $p}) MERGE (o:Permission {name: $o}) MERGE (role)-[:GRANTS]->(p)
                WITH role
                UNWIND [[970001, 'Top'], [970002, 'Mid'], [970003, 'Sub'], [970004, 'Dee'], [970005, 'Eve'],
                        [970006, 'Fay'], [970007, 'Gil'], [970008, 'Hal']] AS person
                CREATE (:Person {employeeId: person[0], name: person[1], source: 'resolver_test'})""",
                Map.of("p", P, "o", OTHER));
        graph.write("""
                MATCH (top:Person {employeeId: 970001}), (mid:Person {employeeId: 970002}), (sub:Person {employeeId: 970003}),
                      (dee:Person {employeeId: 970004}), (eve:Person {employeeId: 970005}), (fay:Person {employeeId: 970006}),
                      (gil:Person {employeeId: 970007}), (hal:Person {employeeId: 970008}), (role:Role {name: 'Resolver Test Approver'})
                CREATE (top)-[:HAS_ROLE]->(role), (mid)-[:REPORTS_TO]->(top), (sub)-[:REPORTS_TO]->(mid), (dee)-[:REPORTS_TO]->(top),
                       (top)-[:DELEGATES_TO {scope: $p, validFrom: date('2024-01-01'), validTo: date('2099-12-31')}]->(dee),
                       (dee)-[:DELEGATES_TO {scope: $p, validFrom: date('2024-01-01'), validTo: date('2099-12-31')}]->(eve),
                       (eve)-[:DELEGATES_TO {scope: $p, validFrom: date('2024-01-01'), validTo: date('2099-12-31')}]->(dee),
                       (top)-[:DELEGATES_TO {scope: $p, validFrom: date('2024-01-01'), validTo: date('2025-01-31')}]->(fay),
                       (fay)-[:DELEGATES_TO {scope: $p, validFrom: date('2024-01-01'), validTo: date('2099-12-31')}]->(gil),
                       (dee)-[:DELEGATES_TO {scope: $o, validFrom: date('2024-01-01'), validTo: date('2099-12-31')}]->(hal)""",
                Map.of("p", P, "o", OTHER));
    }

    @AfterEach
    void clean() {
        graph.write("MATCH (p:Person) WHERE p.employeeId >= 970001 AND p.employeeId <= 970008 DETACH DELETE p", Map.of());
        graph.write("MATCH (n) WHERE n:Role AND n.name = 'Resolver Test Approver' OR n:Permission AND n.name IN [$p, $o] "
                + "DETACH DELETE n", Map.of("p", P, "o", OTHER));
    }

    @Test
    void theResolverFollowsDelegationsInScopeMarksExpiredLinksAndReportsTheCycle() {
        Approvals approvals = new DelegationResolver(graph).resolve(970_003L, P, TODAY);

        assertThat(approvals.personFound()).isTrue();
        assertThat(approvals.authorised()).extracting(ApprovalChain::approverName).containsExactly("Top", "Dee", "Eve");
        assertThat(approvals.authorised().get(0).names()).containsExactly("Sub", "Mid", "Top");
        assertThat(approvals.authorised().get(2).names()).containsExactly("Sub", "Mid", "Top", "Dee", "Eve");
        assertThat(approvals.authorised().get(2).delegations()).isEqualTo(2);
        assertThat(approvals.expired()).extracting(ApprovalChain::approverName).containsExactly("Fay");
        assertThat(approvals.cycles()).singleElement().satisfies(c -> {
            assertThat(c.names()).containsExactly("Sub", "Mid", "Top", "Dee", "Eve", "Dee");
            assertThat(c.describe()).contains("cycle");
        });
        assertThat(approvals.chains()).extracting(ApprovalChain::approverName)
                .as("Gil is only reached through an expired link, Hal only in another scope").doesNotContain("Gil", "Hal");
    }

    @Test
    void onADayInsideTheWindowTheOnceExpiredDelegationCounts() {
        Approvals approvals = new DelegationResolver(graph).resolve(970_003L, P, LocalDate.of(2024, 6, 1));

        assertThat(approvals.authorised()).extracting(ApprovalChain::approverName).contains("Fay", "Gil");
        assertThat(approvals.expired()).isEmpty();
    }

    @Test
    void anUnknownPersonHasAnEmptyAnswer() {
        Approvals approvals = new DelegationResolver(graph).resolve(979_999L, P, TODAY);

        assertThat(approvals.personFound()).isFalse();
        assertThat(approvals.chains()).isEmpty();
    }

    @Test
    void shortestPathsAlongTheChainOfCommandAndAlongDelegations() {
        OrgPaths paths = new OrgPaths(graph);

        assertThat(paths.shortest(970_003L, 970_004L, OrgPaths.Kind.CHAIN_OF_COMMAND)).hasValueSatisfying(p ->
                assertThat(p.names()).containsExactly("Sub", "Mid", "Top", "Dee"));
        assertThat(paths.shortest(970_001L, 970_005L, OrgPaths.Kind.DELEGATION)).hasValueSatisfying(p -> {
            assertThat(p.names()).containsExactly("Top", "Dee", "Eve");
            assertThat(p.cypher()).contains("shortestPath");
        });
        assertThat(paths.shortest(970_003L, 970_005L, OrgPaths.Kind.DELEGATION)).isEmpty();
        assertThatThrownBy(() -> paths.shortest(970_003L, 970_003L, OrgPaths.Kind.DELEGATION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingADelegationMergesItRefusesOneselfAndCyclesAndRevokeRemovesIt() {
        Delegations delegations = new Delegations(graph);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);

        assertThatThrownBy(() -> delegations.add(970_002L, 970_002L, P, from, to)).hasMessageContaining("themselves");
        assertThatThrownBy(() -> delegations.add(970_005L, 970_001L, P, from, to)).hasMessageContaining("cycle")
                .hasMessageContaining("Top → Dee → Eve");
        assertThatThrownBy(() -> delegations.add(970_002L, 970_003L, "no such permission", from, to))
                .hasMessageContaining("no permission");
        assertThatThrownBy(() -> delegations.add(970_002L, 970_003L, P, to, from)).hasMessageContaining("before it starts");

        delegations.add(970_002L, 970_003L, P, from, to);
        delegations.add(970_002L, 970_003L, P, from, to.plusDays(1));

        List<org.persistenceexplorer.domain.graph.Delegation> mid = delegations.inScope(P).stream()
                .filter(d -> d.fromId() == 970_002L).toList();
        assertThat(mid).as("MERGE: one delegation, its end moved").singleElement()
                .satisfies(d -> assertThat(d.validTo()).isEqualTo(to.plusDays(1)));
        assertThat(delegations.revoke(970_002L, 970_003L, P)).isTrue();
        assertThat(delegations.revoke(970_002L, 970_003L, P)).isFalse();
    }
}
