package org.persistenceexplorer.domain.graph;

/**
 * One person of the org graph as the chart needs them: who they are, where they sit, whom
 * they report to. Immutable.
 *
 * @param managerId  the employeeId of their manager, or null at the top
 * @param department the department's name, or null when HR gives none
 * @param role       the name of their first role in the graph, or null when they have none yet
 */
public record OrgMember(long employeeId, String name, String title, String department, String role, Long managerId) {
}
