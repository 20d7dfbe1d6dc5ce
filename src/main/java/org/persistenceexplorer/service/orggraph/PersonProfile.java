package org.persistenceexplorer.service.orggraph;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.persistenceexplorer.domain.graph.Delegation;

/**
 * The cross-store profile of one person: graph facts from Neo4j beside SQL facts from
 * PostgreSQL, joined by employeeId. Immutable.
 *
 * @param chainOfCommand names from the direct manager up to the top (empty for the top)
 * @param directReports  people reporting to them directly
 * @param totalReports   everyone below them
 * @param salary         from SQL, null when HR has no row for them (graph and SQL disagree)
 * @param department     from SQL (the department row's name)
 * @param projects       from SQL, sorted
 */
public record PersonProfile(long employeeId, String name, String title, List<String> chainOfCommand,
                            long directReports, long totalReports, List<String> roles, List<String> permissions,
                            List<Delegation> delegationsOut, List<Delegation> delegationsIn,
                            BigDecimal salary, String department, List<String> projects, LocalDate hiredOn) {

    public PersonProfile {
        chainOfCommand = List.copyOf(chainOfCommand);
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
        delegationsOut = List.copyOf(delegationsOut);
        delegationsIn = List.copyOf(delegationsIn);
        projects = List.copyOf(projects);
    }

    /** Whether HR (the SQL side) still has the person. */
    public boolean inHr() {
        return hiredOn != null;
    }
}
