package org.persistenceexplorer.service.foreigngraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.foreigngraph.GraphShape.LabelCount;
import org.persistenceexplorer.service.foreigngraph.GraphShape.SelfRelationship;

/**
 * The org chart on a graph that is not the app's: reads what the graph holds (labels and
 * self-relationships with counts), suggests a mapping, and previews it (roots, depth, cycles,
 * people without a manager) before anything is charted. Only reads (safe on a read-only
 * profile); every statement goes through the capturing {@link CypherRunner}. Counts use the
 * count store where Cypher allows (one label or one type); the pattern counts are bounded.
 * Blocking; call off the FX thread.
 */
public final class ForeignOrgGraph {

    /** How far up a chain of managers the preview looks (depth and cycles). */
    public static final int SEARCH_LIMIT = 30;
    /** How many people in cycles the preview names. */
    public static final int CYCLE_SAMPLE = 20;
    private static final List<String> KEY_NAMES = List.of("id", "key", "employee_id", "employeeId", "emp_no", "empNo",
            "number", "code", "uuid");
    private static final List<String> NAME_NAMES = List.of("name", "full_name", "fullName", "display_name",
            "displayName", "title");

    private final CypherRunner graph;

    public ForeignOrgGraph(CypherRunner graph) {
        this.graph = graph;
    }

    /** Labels with node counts and relationship types that link a label to itself, largest first. */
    public GraphShape shape() {
        return shape(org.persistenceexplorer.service.work.Progress.NONE);
    }

    /** {@link #shape()}, saying which label and type it counts. */
    public GraphShape shape(org.persistenceexplorer.service.work.Progress progress) {
        progress.update(-1, "Reading labels");
        List<LabelCount> labels = new ArrayList<>();
        for (Map<String, Object> row : graph.read("CALL db.labels() YIELD label RETURN label ORDER BY label", Map.of()).rows()) {
            String label = (String) row.get("label");
            labels.add(new LabelCount(label, number(graph.read("MATCH (n:" + Cypher.name(label) + ") RETURN count(n) AS n",
                    Map.of()))));
        }
        labels.sort(Comparator.comparingLong(LabelCount::nodes).reversed());
        progress.update(-1, "Reading relationship types");
        List<String> types = new ArrayList<>();
        graph.read("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType",
                Map.of()).rows().forEach(row -> types.add((String) row.get("relationshipType")));
        List<SelfRelationship> self = new ArrayList<>();
        for (String type : types) {
            progress.update(-1, "Counting " + type + " within each label");
            for (LabelCount label : labels) {
                String l = Cypher.name(label.label());
                long count = number(graph.read("MATCH (:" + l + ")-[r:" + Cypher.name(type) + "]->(:" + l + ") RETURN count(r) AS n",
                        Map.of()));
                if (count > 0) {
                    self.add(new SelfRelationship(label.label(), type, count, forest(l, Cypher.name(type))));
                }
            }
        }
        // A type that forms a forest ranks first (an org chart is one), then the most relationships.
        self.sort(Comparator.comparing((SelfRelationship s) -> s.forest() == GraphShape.Forest.NONE)
                .thenComparing(Comparator.comparingLong(SelfRelationship::relationships).reversed()));
        return new GraphShape(labels, self, types);
    }

    /** Which way every node has at most one relationship of the type; each check stops at the first counter-example. */
    private GraphShape.Forest forest(String label, String type) {
        if (!several("MATCH (a:" + label + ")-[:" + type + "]->(:" + label + ")")) {
            return GraphShape.Forest.OUTGOING;
        }
        if (!several("MATCH (:" + label + ")-[:" + type + "]->(a:" + label + ")")) {
            return GraphShape.Forest.INCOMING;
        }
        return GraphShape.Forest.NONE;
    }

    private boolean several(String match) {
        return number(graph.read(match + " WITH a, count(*) AS c WHERE c > 1 WITH a LIMIT 1 RETURN count(a) AS n",
                Map.of())) > 0;
    }

    /** The property names on (a sample of) a label's nodes, sorted. */
    public List<String> properties(String label) {
        List<String> names = new ArrayList<>();
        graph.read("MATCH (n:" + Cypher.name(label) + ") WITH n LIMIT 200 UNWIND keys(n) AS k RETURN DISTINCT k ORDER BY k",
                Map.of()).rows().forEach(row -> names.add((String) row.get("k")));
        return names;
    }

    /**
     * A mapping the graph suggests: the first self-relationship of {@link #shape()} (one that
     * forms a forest, else the largest), its direction the forest's (every person one manager)
     * or else guessed from which way the relationships fan in (many people point at one
     * manager), key and name from the label's property names. Empty when no label links to
     * itself: the graph has no hierarchy.
     */
    public Optional<OrgMapping> suggest() {
        return suggest(shape());
    }

    /** {@link #suggest()} from a shape already read. */
    public Optional<OrgMapping> suggest(GraphShape shape) {
        if (shape.selfRelationships().isEmpty()) {
            return Optional.empty();
        }
        SelfRelationship best = shape.selfRelationships().get(0);
        List<String> properties = properties(best.label());
        String key = pick(properties, KEY_NAMES).orElse(properties.isEmpty() ? "" : properties.get(0));
        String name = pick(properties, NAME_NAMES).orElse(key);
        if (best.forest() != GraphShape.Forest.NONE) {
            return Optional.of(new OrgMapping(best.label(), key, name, best.type(), best.forest() == GraphShape.Forest.OUTGOING));
        }
        String l = Cypher.name(best.label());
        String t = Cypher.name(best.type());
        // Each person has one manager: the side with fewer distinct nodes is the manager's.
        long starts = number(graph.read("MATCH (a:" + l + ")-[:" + t + "]->(:" + l + ") RETURN count(DISTINCT a) AS n", Map.of()));
        long ends = number(graph.read("MATCH (:" + l + ")-[:" + t + "]->(b:" + l + ") RETURN count(DISTINCT b) AS n", Map.of()));
        return Optional.of(new OrgMapping(best.label(), key, name, best.type(), starts >= ends));
    }

    /** What the mapping makes of the graph; refuses an incomplete mapping with what is missing. */
    public MappingPreview preview(OrgMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        String l = Cypher.name(mapping.personLabel());
        String key = Cypher.name(mapping.keyProperty());
        long people = number(graph.read("MATCH (p:" + l + ") RETURN count(p) AS n", Map.of()));
        String hasManager = "EXISTS { MATCH " + mapping.step("p", "m") + " }";
        String hasReports = "EXISTS { MATCH " + mapping.step("r", "p") + " }";
        long roots = number(graph.read("MATCH (p:" + l + ") WHERE NOT " + hasManager + " AND " + hasReports
                + " RETURN count(p) AS n", Map.of()));
        long loners = number(graph.read("MATCH (p:" + l + ") WHERE NOT " + hasManager + " AND NOT " + hasReports
                + " RETURN count(p) AS n", Map.of()));
        long several = number(graph.read("MATCH " + mapping.step("p", "m") + " WITH p, count(m) AS managers"
                + " WHERE managers > 1 RETURN count(p) AS n", Map.of()));
        String range = "*1.." + SEARCH_LIMIT;
        GraphResult deepest = graph.read("MATCH chain = (p:" + l + ")" + mapping.upwards(range) + "(top:" + l + ")"
                + " WHERE NOT EXISTS { MATCH " + mapping.step("top", "above") + " } RETURN max(length(chain)) AS n", Map.of());
        List<String> cycles = new ArrayList<>();
        graph.read("MATCH (p:" + l + ") WHERE EXISTS { MATCH (p)" + mapping.upwards(range) + "(p) }"
                + " RETURN toString(p." + key + ") AS k ORDER BY k LIMIT " + CYCLE_SAMPLE, Map.of())
                .rows().forEach(row -> cycles.add(String.valueOf(row.get("k"))));
        return new MappingPreview(people, roots, loners, several, (int) number(deepest), cycles);
    }

    private static Optional<String> pick(List<String> properties, List<String> preferred) {
        for (String name : preferred) {
            for (String property : properties) {
                if (property.equalsIgnoreCase(name)) {
                    return Optional.of(property);
                }
            }
        }
        return Optional.empty();
    }

    private static long number(GraphResult result) {
        Object value = result.rows().isEmpty() ? null : result.rows().get(0).get("n");
        return value instanceof Number n ? n.longValue() : 0;
    }
}
