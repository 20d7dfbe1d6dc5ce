package org.persistenceexplorer.service.foreigngraph;

import java.util.ArrayList;
import java.util.List;

/**
 * How a graph that is not the app's holds an org chart: which label is a person, which property
 * is the person's key and which their display name, and which relationship type links a person
 * to their manager, in which direction; optionally the relationship types that lead from a person
 * to their department, role, permission and delegation (blank: none). Immutable.
 *
 * @param towardsManager true for (person)-[:TYPE]->(manager), false for (manager)-[:TYPE]->(person)
 */
public record OrgMapping(String personLabel, String keyProperty, String nameProperty, String managerType,
                         boolean towardsManager, String departmentType, String roleType, String permissionType,
                         String delegationType) {

    public OrgMapping {
        departmentType = blank(departmentType) ? "" : departmentType;
        roleType = blank(roleType) ? "" : roleType;
        permissionType = blank(permissionType) ? "" : permissionType;
        delegationType = blank(delegationType) ? "" : delegationType;
    }

    /** The mapping without the optional types. */
    public OrgMapping(String personLabel, String keyProperty, String nameProperty, String managerType,
                      boolean towardsManager) {
        this(personLabel, keyProperty, nameProperty, managerType, towardsManager, "", "", "", "");
    }

    /** The optional types by what they mean to the person panel, those given only, in a fixed order. */
    public java.util.Map<String, String> optionalTypes() {
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        if (!departmentType.isEmpty()) {
            types.put("Department", departmentType);
        }
        if (!roleType.isEmpty()) {
            types.put("Roles", roleType);
        }
        if (!permissionType.isEmpty()) {
            types.put("Permissions", permissionType);
        }
        if (!delegationType.isEmpty()) {
            types.put("Delegations", delegationType);
        }
        return types;
    }

    /** The same mapping with the optional types. */
    public OrgMapping withOptional(String department, String role, String permission, String delegation) {
        return new OrgMapping(personLabel, keyProperty, nameProperty, managerType, towardsManager, department, role,
                permission, delegation);
    }

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
