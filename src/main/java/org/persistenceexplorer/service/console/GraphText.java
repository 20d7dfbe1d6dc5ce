package org.persistenceexplorer.service.console;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.persistenceexplorer.domain.graph.GraphNode;
import org.persistenceexplorer.domain.graph.GraphPath;
import org.persistenceexplorer.domain.graph.GraphRelationship;

/**
 * Nodes, relationships and paths as a learner reads them, in Cypher's own notation:
 * {@code (:Person {name: 'Ada Chief', employeeId: 1})}, {@code [:REPORTS_TO]},
 * {@code (Dee Dev)-[:REPORTS_TO]->(Bob Vp)}. A path names its nodes by their name property
 * (or their first label and id). Stateless.
 */
final class GraphText {

    private GraphText() {
    }

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof GraphNode node) {
            return "(" + labels(node.labels()) + properties(node.properties()) + ")";
        }
        if (value instanceof GraphRelationship r) {
            return "[:" + r.type() + properties(r.properties()) + "]";
        }
        if (value instanceof GraphPath path) {
            return path(path);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GraphText::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    private static String literal(Object value) {
        return value instanceof String s ? "'" + s.replace("'", "\\'") + "'" : of(value);
    }

    private static String labels(List<String> labels) {
        return labels.stream().map(l -> ":" + l).collect(Collectors.joining());
    }

    private static String properties(Map<String, Object> properties) {
        if (properties.isEmpty()) {
            return "";
        }
        // name first: it is what a reader looks for
        return properties.entrySet().stream()
                .sorted((a, b) -> a.getKey().equals("name") ? -1 : b.getKey().equals("name") ? 1 : a.getKey().compareTo(b.getKey()))
                .map(e -> e.getKey() + ": " + literal(e.getValue()))
                .collect(Collectors.joining(", ", " {", "}"));
    }

    private static String path(GraphPath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.nodes().size(); i++) {
            GraphNode node = path.nodes().get(i);
            text.append('(').append(shortName(node)).append(')');
            if (i < path.relationships().size()) {
                GraphRelationship r = path.relationships().get(i);
                boolean forward = r.startElementId().equals(node.elementId());
                text.append(forward ? "-[:" : "<-[:").append(r.type()).append(forward ? "]->" : "]-");
            }
        }
        return text.toString();
    }

    private static String shortName(GraphNode node) {
        Object name = node.properties().get("name");
        if (name != null) {
            return String.valueOf(name);
        }
        return (node.labels().isEmpty() ? "" : ":" + node.labels().get(0) + " ") + node.elementId();
    }
}
