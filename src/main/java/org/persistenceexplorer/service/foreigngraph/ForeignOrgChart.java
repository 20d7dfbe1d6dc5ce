package org.persistenceexplorer.service.foreigngraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * The org chart's reads on a user's graph through an {@link OrgMapping}, sized for graphs of
 * 100k+ people (decision 0042): the top of the chart ({@link #roots()}), one team at a time when
 * the user opens it ({@link #team(Object)}), a person's line of managers to reveal a search hit
 * ({@link #lineAbove(Object)}), search, shortest paths and one person's facts. Every statement
 * returns a bounded number of rows (roots, a team and search have limits; a line is at most
 * {@link ForeignOrgGraph#SEARCH_LIMIT} steps); none fetches the whole graph. Only reads (safe on
 * a read-only profile), all through the capturing {@link CypherRunner}. Blocking; call off the
 * FX thread. Thread-safe.
 */
public final class ForeignOrgChart {

    /** The most roots the chart draws; more are counted and said. */
    public static final int ROOT_LIMIT = 200;
    /** The most people of one team fetched when it opens; more are counted and said. */
    public static final int TEAM_LIMIT = 500;
    /** The longest path searched between two people. */
    public static final int PATH_LIMIT = 60;
    /** The most names an optional type (roles, permissions, ...) lists in the person panel. */
    public static final int RELATED_LIMIT = 20;

    private final CypherRunner graph;
    private final OrgMapping mapping;
    private final String label;
    private final String key;
    private final String name;

    public ForeignOrgChart(CypherRunner graph, OrgMapping mapping) {
        if (!mapping.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", mapping.problems()));
        }
        this.graph = graph;
        this.mapping = mapping;
        this.label = Cypher.name(mapping.personLabel());
        this.key = Cypher.name(mapping.keyProperty());
        this.name = Cypher.name(mapping.nameProperty());
    }

    public OrgMapping mapping() {
        return mapping;
    }

    /**
     * The top of the chart: people without a manager who have reports, by name (at most
     * {@link #ROOT_LIMIT}), with how many such roots there are. People in a cycle of managers
     * have a manager, so they are never roots: the chart draws the acyclic part.
     */
    public ForeignTeam roots() {
        String where = " WHERE NOT EXISTS { MATCH " + mapping.step("p", "m") + " } AND EXISTS { MATCH "
                + mapping.step("r", "p") + " }";
        long total = number(graph.read("MATCH (p:" + label + ")" + where + " RETURN count(p) AS n", Map.of()));
        GraphResult rows = graph.read("MATCH (p:" + label + ")" + where + " RETURN " + person("p")
                + " ORDER BY name, toString(key) LIMIT $limit", Map.of("limit", ROOT_LIMIT));
        return new ForeignTeam(people(rows), total);
    }

    /** The people who report to {@code managerKey} directly, by name (at most {@link #TEAM_LIMIT}). */
    public ForeignTeam team(Object managerKey) {
        String match = "MATCH (m:" + label + " {" + key + ": $key}) MATCH " + mapping.step("p", "m");
        long total = number(graph.read(match + " RETURN count(p) AS n", Map.of("key", managerKey)));
        GraphResult rows = graph.read(match + " RETURN " + person("p") + " ORDER BY name, toString(key) LIMIT $limit",
                Map.of("key", managerKey, "limit", TEAM_LIMIT));
        return new ForeignTeam(people(rows), total);
    }

    /**
     * The person and their managers up to a root, top first; empty when the person is not there
     * or their managers lead round in a cycle (no root above them, so not in the chart).
     */
    public Optional<List<ForeignPerson>> lineAbove(Object personKey) {
        GraphResult rows = graph.read("MATCH (p:" + label + " {" + key + ": $key})"
                + " MATCH line = (p)" + mapping.upwards("*0.." + ForeignOrgGraph.SEARCH_LIMIT) + "(top:" + label + ")"
                + " WHERE NOT EXISTS { MATCH " + mapping.step("top", "above") + " }"
                + " WITH line ORDER BY length(line) LIMIT 1"
                + " UNWIND reverse(nodes(line)) AS n RETURN " + person("n"), Map.of("key", personKey));
        List<ForeignPerson> line = people(rows);
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    /** People whose name contains the text (case-insensitive), names starting with it first. */
    public List<ForeignPerson> search(String text, int limit) {
        String needle = text == null ? "" : text.strip();
        if (needle.isEmpty()) {
            return List.of();
        }
        return people(graph.read("MATCH (p:" + label + ") WITH p, toLower(toString(p." + name + ")) AS lower"
                + " WHERE lower CONTAINS toLower($text)"
                + " WITH p, lower, lower STARTS WITH toLower($text) AS starts ORDER BY starts DESC, lower LIMIT $limit"
                + " RETURN " + person("p"), Map.of("text", needle, "limit", limit)));
    }

    /**
     * The shortest path between two people through the manager relationship (either way), or
     * through the delegation type when {@code delegations} and the mapping has one; empty when
     * there is none within {@link #PATH_LIMIT} steps.
     */
    public Optional<List<ForeignPerson>> shortestPath(Object fromKey, Object toKey, boolean delegations) {
        String type = delegations ? mapping.delegationType() : mapping.managerType();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String arrow = delegations ? "-[:" + Cypher.name(type) + "*.." + PATH_LIMIT + "]->"
                : "-[:" + Cypher.name(type) + "*.." + PATH_LIMIT + "]-";
        List<ForeignPerson> path = people(graph.read("MATCH (a:" + label + " {" + key + ": $from}), (b:" + label + " {"
                + key + ": $to}) MATCH path = shortestPath((a)" + arrow + "(b))"
                + " UNWIND nodes(path) AS n RETURN " + person("n"), Map.of("from", fromKey, "to", toKey)));
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    /** What the graph holds about one person; empty when nobody has that key. */
    public Optional<ForeignFacts> facts(Object personKey) {
        GraphResult rows = graph.read("MATCH (p:" + label + " {" + key + ": $key}) RETURN labels(p) AS labels,"
                + " properties(p) AS properties, " + person("p") + ","
                + " COLLECT { MATCH " + mapping.step("p", "m") + " RETURN " + display("m") + " LIMIT " + RELATED_LIMIT
                + " } AS managers LIMIT 1", Map.of("key", personKey));
        if (rows.rows().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.rows().get(0);
        Map<String, List<String>> related = new LinkedHashMap<>();
        mapping.optionalTypes().forEach((meaning, type) -> related.put(meaning, related(personKey, meaning, type)));
        return Optional.of(new ForeignFacts(row.get("key"), (String) row.get("name"), strings(row.get("labels")),
                properties(row.get("properties")), strings(row.get("managers")), number(row.get("reports")), related));
    }

    private List<String> related(Object personKey, String meaning, String type) {
        String t = Cypher.name(type);
        String start = "MATCH (p:" + label + " {" + key + ": $key}) ";
        if (meaning.equals("Delegations")) {
            // Who the person delegates to, and who delegates to them.
            List<String> out = new ArrayList<>();
            graph.read(start + "MATCH (p)-[:" + t + "]->(x) RETURN '→ ' + " + display("x") + " AS n LIMIT " + RELATED_LIMIT,
                    Map.of("key", personKey)).rows().forEach(r -> out.add((String) r.get("n")));
            graph.read(start + "MATCH (x)-[:" + t + "]->(p) RETURN '← ' + " + display("x") + " AS n LIMIT " + RELATED_LIMIT,
                    Map.of("key", personKey)).rows().forEach(r -> out.add((String) r.get("n")));
            return out;
        }
        List<String> names = new ArrayList<>();
        graph.read(start + "MATCH (p)-[:" + t + "]-(x) WHERE x <> p RETURN DISTINCT " + display("x") + " AS n ORDER BY n LIMIT "
                + RELATED_LIMIT, Map.of("key", personKey)).rows().forEach(r -> names.add((String) r.get("n")));
        return names;
    }

    /** A node's name for the panel: the mapped name on people, else a name or title property, else its label. */
    private String display(String node) {
        return "coalesce(toString(" + node + "." + name + "), toString(" + node + ".name), toString(" + node + ".title), head(labels("
                + node + ")))";
    }

    /** The RETURN items of one person: key, name (the key when the name is missing) and direct reports. */
    private String person(String node) {
        return node + "." + key + " AS key, coalesce(toString(" + node + "." + name + "), toString(" + node + "." + key
                + ")) AS name, COUNT { MATCH " + mapping.step("r", node) + " } AS reports";
    }

    private static List<ForeignPerson> people(GraphResult result) {
        List<ForeignPerson> people = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            people.add(new ForeignPerson(row.get("key"), (String) row.get("name"), number(row.get("reports"))));
        }
        return people;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static Map<String, Object> properties(Object value) {
        Map<String, Object> out = new java.util.TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), v);
                }
            });
        }
        return out;
    }

    private static long number(GraphResult result) {
        return result.rows().isEmpty() ? 0 : number(result.rows().get(0).get("n"));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
