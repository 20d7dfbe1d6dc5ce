package org.persistenceexplorer.service.connect;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a Neo4j Test reached, or why it failed, in plain words. Immutable.
 *
 * @param edition  "community" or "enterprise"
 * @param members  for a neo4j:// address, the routing table's servers and their roles; else empty
 * @param problem  what went wrong, or blank when the server was reached
 */
public record Neo4jAnswer(boolean reached, String edition, String version, List<RoutingMember> members,
                          String problem) implements TestAnswer {

    public Neo4jAnswer {
        members = List.copyOf(members);
    }

    static Neo4jAnswer failed(String problem) {
        return new Neo4jAnswer(false, "", "", List.of(), problem);
    }

    /** One line for the dialog. */
    public String summary() {
        if (!reached) {
            return problem;
        }
        String routing = members.isEmpty() ? "" : "; routing table: " + members.stream()
                .map(m -> m.address() + " " + String.join("/", m.roles())).collect(Collectors.joining(", "));
        return "Neo4j " + version + " " + edition + " edition" + routing;
    }

    /** One server of a routing table with its roles (WRITE, READ, ROUTE). */
    public record RoutingMember(String address, List<String> roles) {
        public RoutingMember {
            roles = List.copyOf(roles);
        }
    }
}
