package org.persistenceexplorer.service.foreigngraph;

import java.util.List;

/**
 * What a mapping makes of the graph before it is charted: how many people, roots (no manager,
 * but reports), loners (neither), people with several managers, the deepest chain, and people
 * in cycles (their keys, at most {@link ForeignOrgGraph#CYCLE_SAMPLE}). Immutable.
 *
 * @param depth       the longest chain from a person up to a root, in steps (capped at the search limit)
 * @param inCycles    keys of people whose chain of managers comes back to them
 */
public record MappingPreview(long people, long roots, long loners, long severalManagers, int depth,
                             List<String> inCycles) {

    public MappingPreview {
        inCycles = List.copyOf(inCycles);
    }

    /** One paragraph for the dialog. */
    public String summary() {
        if (people == 0) {
            return "No node has that label.";
        }
        if (roots == 0 && inCycles.isEmpty()) {
            return people + " people but no hierarchy: nobody has a manager through that relationship.";
        }
        StringBuilder text = new StringBuilder(people + " people, " + roots + (roots == 1 ? " root" : " roots")
                + ", " + depth + (depth == 1 ? " level" : " levels") + " deep");
        if (loners > 0) {
            text.append(", ").append(loners).append(" without a manager or reports");
        }
        if (severalManagers > 0) {
            text.append(", ").append(severalManagers).append(" with more than one manager");
        }
        if (!inCycles.isEmpty()) {
            text.append(". People in a cycle (their managers lead back to them): ").append(String.join(", ", inCycles));
        }
        return text.append('.').toString();
    }
}
