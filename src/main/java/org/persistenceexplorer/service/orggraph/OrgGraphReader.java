package org.persistenceexplorer.service.orggraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.graph.OrgMember;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * Reads what the chart draws from the org graph: every person of one HR source with their
 * manager, department and role, in one statement; and the permissions there are.
 * Blocking; call off the FX thread.
 */
public final class OrgGraphReader {

    static final String MEMBERS = """
            MATCH (p:Person {source: $source})
            OPTIONAL MATCH (p)-[:REPORTS_TO]->(m:Person)
            OPTIONAL MATCH (p)-[:HAS_ROLE]->(r:Role)
            RETURN p.employeeId AS id, p.name AS name, p.title AS title, p.department AS department,
                   min(r.name) AS role, min(m.employeeId) AS managerId
            ORDER BY id""";
    static final String PERMISSIONS = "MATCH (p:Permission) RETURN p.name AS name ORDER BY name";

    private final CypherRunner graph;
    private final String source;

    /** @param source the HR schema whose people to read (see {@link OrgGraphImport#source()}) */
    public OrgGraphReader(CypherRunner graph, String source) {
        this.graph = graph;
        this.source = source;
    }

    /** Everyone of the source, in employeeId order. */
    public List<OrgMember> members() {
        List<OrgMember> members = new ArrayList<>();
        for (Map<String, Object> row : graph.read(MEMBERS, Map.of("source", source)).rows()) {
            Object manager = row.get("managerId");
            members.add(new OrgMember(((Number) row.get("id")).longValue(), (String) row.get("name"),
                    (String) row.get("title"), (String) row.get("department"), (String) row.get("role"),
                    manager == null ? null : ((Number) manager).longValue()));
        }
        return members;
    }

    /** The permission names, sorted. */
    public List<String> permissions() {
        return graph.read(PERMISSIONS, Map.of()).rows().stream().map(r -> (String) r.get("name")).toList();
    }
}
