package org.persistenceexplorer.service.foreigngraph;

import java.util.List;

/**
 * What a graph holds, for suggesting an org-chart mapping: labels with their node counts, and
 * the relationship types that link a label to itself, with their counts. Immutable.
 */
public record GraphShape(List<LabelCount> labels, List<SelfRelationship> selfRelationships) {

    public GraphShape {
        labels = List.copyOf(labels);
        selfRelationships = List.copyOf(selfRelationships);
    }

    /** A label and how many nodes carry it. */
    public record LabelCount(String label, long nodes) {
    }

    /** A relationship type from a label to the same label, e.g. (:Employee)-[:REPORTS_TO]->(:Employee). */
    public record SelfRelationship(String label, String type, long relationships) {
    }
}
