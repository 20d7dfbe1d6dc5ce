package org.persistenceexplorer.service.foreigngraph;

import java.util.List;

/**
 * What a graph holds, for suggesting an org-chart mapping: labels with their node counts, and
 * the relationship types that link a label to itself, with their counts. Immutable.
 */
public record GraphShape(List<LabelCount> labels, List<SelfRelationship> selfRelationships,
                         List<String> relationshipTypes) {

    public GraphShape {
        labels = List.copyOf(labels);
        selfRelationships = List.copyOf(selfRelationships);
        relationshipTypes = List.copyOf(relationshipTypes);
    }

    /** One paragraph for the mapping dialog: what the graph holds. */
    public String describe() {
        if (labels.isEmpty()) {
            return "The graph is empty: no labels.";
        }
        StringBuilder text = new StringBuilder("Labels: ");
        text.append(String.join(", ", labels.stream().map(l -> l.label() + " (" + l.nodes() + ")").toList()));
        text.append(". ");
        if (selfRelationships.isEmpty()) {
            return text.append("No relationship type links a label to itself: the graph holds no hierarchy to chart.")
                    .toString();
        }
        text.append("Links within a label: ");
        text.append(String.join(", ", selfRelationships.stream().map(s -> "(:" + s.label() + ")-[:" + s.type() + "]->(:"
                + s.label() + ") " + s.relationships() + (s.forest() == Forest.NONE ? "" : ", a forest")).toList()));
        return text.append('.').toString();
    }

    /** A label and how many nodes carry it. */
    public record LabelCount(String label, long nodes) {
    }

    /**
     * A relationship type from a label to the same label, e.g. (:Employee)-[:REPORTS_TO]->(:Employee).
     *
     * @param forest which way every node has at most one such relationship (a forest, unless it
     *               has cycles, which the preview reports), or {@link Forest#NONE}
     */
    public record SelfRelationship(String label, String type, long relationships, Forest forest) {
    }

    /** Which way a self-relationship gives every node at most one parent. */
    public enum Forest {
        /** Every node has at most one outgoing relationship: (person)-[:TYPE]->(manager). */
        OUTGOING,
        /** Every node has at most one incoming relationship: (manager)-[:TYPE]->(person). */
        INCOMING,
        /** Some nodes have several on both sides: not a tree. */
        NONE
    }
}
