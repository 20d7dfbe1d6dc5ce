package org.persistenceexplorer.domain.graph;

import java.util.List;

/**
 * A path as a Cypher statement returned it: its nodes in order and the relationships between
 * them ({@code relationships.size() == nodes.size() - 1}). Immutable.
 */
public record GraphPath(List<GraphNode> nodes, List<GraphRelationship> relationships) {

    public GraphPath {
        nodes = List.copyOf(nodes);
        relationships = List.copyOf(relationships);
    }

    /** Number of relationships. */
    public int length() {
        return relationships.size();
    }
}
