package org.persistenceexplorer.service.orggraph;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.persistenceexplorer.domain.graph.Delegation;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * "Who may approve <permission> for <person>?": the people above the person whose role grants
 * the permission, then everyone they delegated it to ({@code DELEGATES_TO} with that scope),
 * and so on, as long as each delegation is valid on the day asked. Every answer comes with its
 * chain; an expired link ends its chain and is listed, marked; a delegation back into its own
 * chain is reported as a cycle and not followed, so the walk always ends.
 *
 * <p>Two statements: the holders up the chain of command, and the delegations of the scope;
 * the walk itself is breadth-first in memory (nearest answers first). Blocking; call off the
 * FX thread.
 */
public final class DelegationResolver {

    public static final String HOLDERS = """
            MATCH (x:Person {employeeId: $id})
            OPTIONAL MATCH chain = (x)-[:REPORTS_TO*1..]->(boss:Person)
              WHERE EXISTS { (boss)-[:HAS_ROLE]->(:Role)-[:GRANTS]->(:Permission {name: $permission}) }
            RETURN x.name AS name, [n IN nodes(chain) | n.employeeId] AS ids, [n IN nodes(chain) | n.name] AS names
            ORDER BY length(chain)""";
    /** The longest delegation chain followed: a guard, the cycle check already ends every walk. */
    static final int MAX_DELEGATIONS = 25;

    private final CypherRunner graph;
    private final Delegations delegations;

    public DelegationResolver(CypherRunner graph) {
        this.graph = graph;
        this.delegations = new Delegations(graph);
    }

    /** Who may approve {@code permission} for the person on {@code day}; empty answers when the person is unknown. */
    public Approvals resolve(long personId, String permission, LocalDate day) {
        List<Map<String, Object>> rows = graph.read(HOLDERS, Map.of("id", personId, "permission", permission)).rows();
        if (rows.isEmpty()) {
            return new Approvals(personId, null, permission, day, List.of(), List.of(HOLDERS, Delegations.IN_SCOPE));
        }
        String personName = (String) rows.get(0).get("name");
        List<ApprovalChain> chains = new ArrayList<>();
        Deque<ApprovalChain> frontier = new ArrayDeque<>();
        Set<Long> reached = new HashSet<>();
        for (Map<String, Object> row : rows) {
            if (row.get("ids") == null) {
                continue; // nobody above holds it
            }
            List<Long> ids = ((List<?>) row.get("ids")).stream().map(v -> ((Number) v).longValue()).toList();
            List<String> names = ((List<?>) row.get("names")).stream().map(String::valueOf).toList();
            ApprovalChain holder = new ApprovalChain(ids, names, ids.size() - 1, ApprovalChain.Status.AUTHORISED);
            if (reached.add(holder.approverId())) {
                chains.add(holder);
                frontier.add(holder);
            }
        }
        Map<Long, List<Delegation>> byFrom = new HashMap<>();
        for (Delegation d : delegations.inScope(permission)) {
            byFrom.computeIfAbsent(d.fromId(), k -> new ArrayList<>()).add(d);
        }
        while (!frontier.isEmpty()) {
            ApprovalChain chain = frontier.poll();
            if (chain.delegations() >= MAX_DELEGATIONS) {
                continue;
            }
            for (Delegation d : byFrom.getOrDefault(chain.approverId(), List.of())) {
                if (chain.delegatedPart().contains(d.toId())) {
                    chains.add(chain.extend(d, ApprovalChain.Status.CYCLE));
                } else if (!d.validOn(day)) {
                    chains.add(chain.extend(d, ApprovalChain.Status.EXPIRED));
                } else if (reached.add(d.toId())) {
                    ApprovalChain longer = chain.extend(d, ApprovalChain.Status.AUTHORISED);
                    chains.add(longer);
                    frontier.add(longer);
                }
            }
        }
        return new Approvals(personId, personName, permission, day, chains, List.of(HOLDERS, Delegations.IN_SCOPE));
    }
}
