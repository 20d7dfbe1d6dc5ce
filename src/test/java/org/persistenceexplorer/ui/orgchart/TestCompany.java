package org.persistenceexplorer.ui.orgchart;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.DelegationResolver;
import org.persistenceexplorer.service.orggraph.Delegations;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orggraph.OrgGraphReader;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfiles;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * A small company of a test's own for the org-chart tests: HR tables shaped like hr's in a schema
 * of its own, people with ids in a range of its own in the shared Neo4j, and the tab's services
 * over them. The shared hr data is never touched.
 */
final class TestCompany {

    private final String schema;
    private final long firstId;

    /** Creates the schema with empty copies of hr's tables; the test inserts its rows. */
    TestCompany(String schema, long firstId) throws SQLException {
        this.schema = schema;
        this.firstId = firstId;
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        sql("CREATE SCHEMA " + schema);
        for (String table : List.of("department", "employee", "project", "employee_project")) {
            sql("CREATE TABLE " + schema + "." + table + " (LIKE hr." + table + " INCLUDING ALL)");
        }
    }

    /** The tab's services reading and writing this company only. */
    OrgChartServices services() {
        CypherRunner graph = TestEngines.graph().cypher();
        javax.sql.DataSource hr = TestEngines.sql().database().dataSource();
        return new OrgChartServices(new OrgGraphImport(hr, graph, schema, 500),
                new OrgGraphReader(graph, schema), new PersonProfiles(graph, hr, schema, 50), new DelegationResolver(graph),
                new OrgPaths(graph), new Delegations(graph), new ConstraintLesson(graph));
    }

    /** Removes the company's people and nodes from the graph and its schema from PostgreSQL. */
    void drop() throws SQLException {
        CypherRunner graph = TestEngines.graph().cypher();
        graph.write("MATCH (p:Person) WHERE p.employeeId >= $from AND p.employeeId < $to DETACH DELETE p",
                Map.of("from", firstId, "to", firstId + 999));
        graph.write("MATCH (n) WHERE (n:Department OR n:OrgImport) AND n.source = $s DETACH DELETE n", Map.of("s", schema));
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
