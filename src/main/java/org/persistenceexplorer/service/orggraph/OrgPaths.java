package org.persistenceexplorer.service.orggraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * Shortest paths between two people with Cypher's {@code shortestPath}: along the chain of
 * command (REPORTS_TO either way, through a common manager) or along delegations
 * (DELEGATES_TO in their direction). Blocking; call off the FX thread.
 */
public final class OrgPaths {

    /** Which relationships a path may use. */
    public enum Kind {
        CHAIN_OF_COMMAND("""
                MATCH (a:Person {employeeId: $from}), (b:Person {employeeId: $to})
                MATCH path = shortestPath((a)-[:REPORTS_TO*..60]-(b))
                RETURN [n IN nodes(path) | n.employeeId] AS ids, [n IN nodes(path) | n.name] AS names,
                       [r IN relationships(path) | type(r)] AS types"""),
        DELEGATION("""
                MATCH (a:Person {employeeId: $from}), (b:Person {employeeId: $to})
                MATCH path = shortestPath((a)-[:DELEGATES_TO*..30]->(b))
                RETURN [n IN nodes(path) | n.employeeId] AS ids, [n IN nodes(path) | n.name] AS names,
                       [r IN relationships(path) | r.scope] AS types""");

        private final String cypher;

        Kind(String cypher) {
            this.cypher = cypher;
        }

        public String cypher() {
            return cypher;
        }
    }

    /**
     * A path found.
     *
     * @param links the relationship type of each step (for delegations: its scope)
     */
    public record OrgPath(List<Long> ids, List<String> names, List<String> links, String cypher) {

        public OrgPath {
            ids = List.copyOf(ids);
            names = List.copyOf(names);
            links = List.copyOf(links);
        }

        public String describe() {
            StringBuilder text = new StringBuilder(names.get(0));
            for (int i = 1; i < names.size(); i++) {
                text.append(" –").append(links.get(i - 1)).append("– ").append(names.get(i));
            }
            return text.toString();
        }
    }

    private final CypherRunner graph;

    public OrgPaths(CypherRunner graph) {
        this.graph = graph;
    }

    /** The shortest path, or empty when there is none (or one of the two is unknown). */
    public Optional<OrgPath> shortest(long fromId, long toId, Kind kind) {
        if (fromId == toId) {
            throw new IllegalArgumentException("Pick two different people for a path.");
        }
        List<Map<String, Object>> rows = graph.read(kind.cypher(), Map.of("from", fromId, "to", toId)).rows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        return Optional.of(new OrgPath(((List<?>) row.get("ids")).stream().map(v -> ((Number) v).longValue()).toList(),
                ((List<?>) row.get("names")).stream().map(String::valueOf).toList(),
                ((List<?>) row.get("types")).stream().map(String::valueOf).toList(), kind.cypher()));
    }
}
