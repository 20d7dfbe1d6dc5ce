package org.persistenceexplorer.domain.graph;

import java.util.Map;

/**
 * A relationship as a Cypher statement returned it, in plain Java values. Immutable.
 *
 * @param startElementId the element id of the node it leaves
 * @param endElementId   the element id of the node it points to
 */
public record GraphRelationship(String elementId, String type, String startElementId, String endElementId,
                                Map<String, Object> properties) {

    public GraphRelationship {
        properties = Map.copyOf(properties);
    }
}
