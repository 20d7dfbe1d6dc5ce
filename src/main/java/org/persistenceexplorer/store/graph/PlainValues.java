package org.persistenceexplorer.store.graph;

import org.persistenceexplorer.domain.graph.GraphNode;
import org.persistenceexplorer.domain.graph.GraphPath;
import org.persistenceexplorer.domain.graph.GraphRelationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

/**
 * Turns what the driver returns into plain Java values, so no driver type leaves the store:
 * nodes, relationships and paths become {@link GraphNode}, {@link GraphRelationship},
 * {@link GraphPath}; points and durations become their text; everything else (String, Long,
 * Double, Boolean, byte[], java.time values, lists, maps) stays as the driver gives it.
 */
final class PlainValues {

    private PlainValues() {
    }

    /** One result row, columns in the statement's order; null values kept. */
    static Map<String, Object> row(Record record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String key : record.keys()) {
            row.put(key, of(record.get(key)));
        }
        return Collections.unmodifiableMap(row);
    }

    static Object of(Value value) {
        return value == null || value.isNull() ? null : plain(value.asObject());
    }

    private static Object plain(Object value) {
        if (value instanceof Node node) {
            return node(node);
        }
        if (value instanceof Relationship relationship) {
            return relationship(relationship);
        }
        if (value instanceof Path path) {
            List<GraphNode> nodes = new ArrayList<>();
            path.nodes().forEach(n -> nodes.add(node(n)));
            List<GraphRelationship> relationships = new ArrayList<>();
            path.relationships().forEach(r -> relationships.add(relationship(r)));
            return new GraphPath(nodes, relationships);
        }
        if (value instanceof Point || value instanceof IsoDuration) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(item -> plain.add(plain(item)));
            return Collections.unmodifiableList(plain);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
            return Collections.unmodifiableMap(plain);
        }
        return value;
    }

    private static GraphNode node(Node node) {
        List<String> labels = new ArrayList<>();
        node.labels().forEach(labels::add);
        return new GraphNode(node.elementId(), labels, node.asMap(PlainValues::of));
    }

    private static GraphRelationship relationship(Relationship relationship) {
        return new GraphRelationship(relationship.elementId(), relationship.type(),
                relationship.startNodeElementId(), relationship.endNodeElementId(), relationship.asMap(PlainValues::of));
    }
}
