package org.persistenceexplorer.domain.graph;

import java.util.List;
import java.util.Map;

/**
 * A node as a Cypher statement returned it, in plain Java values. Immutable.
 *
 * @param elementId  the server's id for it; stable only within one transaction
 * @param properties property values as plain Java values (String, Long, Double, Boolean, java.time, List, Map)
 */
public record GraphNode(String elementId, List<String> labels, Map<String, Object> properties) {

    public GraphNode {
        labels = List.copyOf(labels);
        properties = Map.copyOf(properties);
    }
}
