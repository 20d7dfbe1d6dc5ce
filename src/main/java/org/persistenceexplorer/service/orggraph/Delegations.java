package org.persistenceexplorer.service.orggraph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.graph.Delegation;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * Reads, adds and revokes {@code DELEGATES_TO} relationships. Adding is a {@code MERGE} (one
 * delegation per pair and scope, its dates updated), refused for oneself, for an unknown
 * permission, for dates the wrong way round, and when it would close a cycle in its scope.
 * Blocking; call off the FX thread.
 */
public final class Delegations {

    static final String CLOSES_CYCLE = """
            MATCH path = (b:Person {employeeId: $to})-[:DELEGATES_TO*1..30 {scope: $scope}]->(a:Person {employeeId: $from})
            RETURN [n IN nodes(path) | n.name] AS names
            LIMIT 1""";
    static final String PERMISSION_EXISTS = "MATCH (p:Permission {name: $scope}) RETURN count(p) AS n";
    public static final String ADD = """
            MATCH (a:Person {employeeId: $from}), (b:Person {employeeId: $to})
            MERGE (a)-[d:DELEGATES_TO {scope: $scope}]->(b)
            SET d.validFrom = $validFrom, d.validTo = $validTo
            RETURN count(d) AS n""";
    public static final String REVOKE = """
            MATCH (:Person {employeeId: $from})-[d:DELEGATES_TO {scope: $scope}]->(:Person {employeeId: $to})
            DELETE d""";
    static final String IN_SCOPE = """
            MATCH (a:Person)-[d:DELEGATES_TO {scope: $scope}]->(b:Person)
            RETURN a.employeeId AS fromId, a.name AS fromName, b.employeeId AS toId, b.name AS toName,
                   d.scope AS scope, d.validFrom AS validFrom, d.validTo AS validTo""";

    private final CypherRunner graph;

    public Delegations(CypherRunner graph) {
        this.graph = graph;
    }

    /**
     * Lets {@code toId} act for {@code fromId} on {@code scope} from {@code validFrom} to {@code validTo}.
     *
     * @throws IllegalArgumentException with a sentence for the user when the delegation is refused
     */
    public void add(long fromId, long toId, String scope, LocalDate validFrom, LocalDate validTo) {
        if (fromId == toId) {
            throw new IllegalArgumentException("A person cannot delegate to themselves.");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("The delegation would end (" + validTo + ") before it starts (" + validFrom + ").");
        }
        if (((Number) graph.read(PERMISSION_EXISTS, Map.of("scope", scope)).singleValue()).longValue() == 0) {
            throw new IllegalArgumentException("There is no permission called '" + scope + "'.");
        }
        Map<String, Object> ids = Map.of("from", fromId, "to", toId, "scope", scope);
        List<Map<String, Object>> cycle = graph.read(CLOSES_CYCLE, ids).rows();
        if (!cycle.isEmpty()) {
            List<?> names = (List<?>) cycle.get(0).get("names");
            throw new IllegalArgumentException("Refused: it would close a cycle for '" + scope + "': "
                    + String.join(" → ", names.stream().map(String::valueOf).toList()) + " → " + names.get(0) + ".");
        }
        java.util.HashMap<String, Object> parameters = new java.util.HashMap<>(ids);
        parameters.put("validFrom", validFrom);
        parameters.put("validTo", validTo);
        GraphResult result = graph.write(ADD, parameters);
        if (((Number) result.singleValue()).longValue() == 0) {
            throw new IllegalArgumentException("One of the two people is not in the graph.");
        }
    }

    /** Removes the delegation; returns false when there was none. */
    public boolean revoke(long fromId, long toId, String scope) {
        return graph.write(REVOKE, Map.of("from", fromId, "to", toId, "scope", scope)).counters().relationshipsDeleted() > 0;
    }

    /** Every delegation of one permission. */
    public List<Delegation> inScope(String scope) {
        List<Delegation> delegations = new ArrayList<>();
        for (Map<String, Object> row : graph.read(IN_SCOPE, Map.of("scope", scope)).rows()) {
            delegations.add(of(row));
        }
        return delegations;
    }

    static Delegation of(Map<String, Object> row) {
        return new Delegation(((Number) row.get("fromId")).longValue(), (String) row.get("fromName"),
                ((Number) row.get("toId")).longValue(), (String) row.get("toName"), (String) row.get("scope"),
                (LocalDate) row.get("validFrom"), (LocalDate) row.get("validTo"));
    }
}
