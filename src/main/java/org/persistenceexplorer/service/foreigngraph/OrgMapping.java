package org.persistenceexplorer.service.foreigngraph;

import java.util.ArrayList;
import java.util.List;

/**
 * How a graph that is not the app's holds an org chart: which label is a person, which property
 * is the person's key and which their display name, and which relationship type links a person
 * to their manager, in which direction. Immutable.
 *
 * @param towardsManager true for (person)-[:TYPE]->(manager), false for (manager)-[:TYPE]->(person)
 */
public record OrgMapping(String personLabel, String keyProperty, String nameProperty, String managerType,
                         boolean towardsManager) {

    /** What is missing, in plain words, or an empty list. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(personLabel)) {
            problems.add("Choose the label of a person.");
        }
        if (blank(keyProperty)) {
            problems.add("Choose the property that identifies a person.");
        }
        if (blank(nameProperty)) {
            problems.add("Choose the property with the person's name.");
        }
        if (blank(managerType)) {
            problems.add("Choose the relationship type that links a person to their manager.");
        }
        return problems;
    }

    /** The Cypher pattern of one person-to-manager step, e.g. {@code (p:`Employee`)-[:`REPORTS_TO`]->(m:`Employee`)}. */
    String step(String person, String manager) {
        String label = Cypher.name(personLabel);
        String type = Cypher.name(managerType);
        return towardsManager
                ? "(" + person + ":" + label + ")-[:" + type + "]->(" + manager + ":" + label + ")"
                : "(" + manager + ":" + label + ")-[:" + type + "]->(" + person + ":" + label + ")";
    }

    /** The direction-aware arrow for variable-length paths from a person up to their managers. */
    String upwards(String range) {
        String type = Cypher.name(managerType);
        return towardsManager ? "-[:" + type + range + "]->" : "<-[:" + type + range + "]-";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
