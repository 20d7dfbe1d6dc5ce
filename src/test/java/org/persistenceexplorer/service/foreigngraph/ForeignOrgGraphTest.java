package org.persistenceexplorer.service.foreigngraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.Neo4jTarget;
import org.persistenceexplorer.service.engine.GraphEngine;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.Neo4jInAnotherProcess;

/**
 * A graph that is not the app's, on a Neo4j the app does not own:
 * {@code (:Employee {emp_no, full_name})-[:REPORTS_TO]->(:Employee)} with a cycle, a loner and
 * someone with two managers, written by the test. The mapping is suggested from the graph,
 * previewed (roots, depth, cycle reported), all through a read-only profile.
 */
class ForeignOrgGraphTest {

    @TempDir
    Path dataDir;

    @Test
    void aForeignHierarchyIsSuggestedAndPreviewedWithItsCycle() throws Exception {
        Neo4jInAnotherProcess neo4j = Neo4jInAnotherProcess.get();
        Neo4jTarget target = new Neo4jTarget(neo4j.boltUri(), "", Neo4jInAnotherProcess.USER);
        StatementRecorder recorder = new StatementRecorder();
        try (GraphEngine writer = engine(new ConnectionProfile("writer", null, target, true, 0), recorder);
             GraphEngine reader = engine(new ConnectionProfile("reader", null, target, false, 0), recorder)) {
            writer.write("MATCH (n) WHERE n:Employee OR n:Project DETACH DELETE n", Map.of());
            writer.write("UNWIND $people AS p CREATE (:Employee {emp_no: p[0], full_name: p[1]})", Map.of("people",
                    java.util.List.of(java.util.List.of("E1", "Ada Chief"), java.util.List.of("E2", "Bo Lead"),
                            java.util.List.of("E3", "Cy Lead"), java.util.List.of("E4", "Di Dev"),
                            java.util.List.of("E5", "Ed Dev"), java.util.List.of("E6", "Flo Intern"),
                            java.util.List.of("C1", "Cyc One"), java.util.List.of("C2", "Cyc Two"),
                            java.util.List.of("C3", "Cyc Three"), java.util.List.of("L1", "Lone Wolf"))));
            writer.write("UNWIND $links AS l MATCH (a:Employee {emp_no: l[0]}), (b:Employee {emp_no: l[1]})"
                    + " CREATE (a)-[:REPORTS_TO]->(b)", Map.of("links", java.util.List.of(
                    java.util.List.of("E2", "E1"), java.util.List.of("E3", "E1"), java.util.List.of("E4", "E2"),
                    java.util.List.of("E5", "E2"), java.util.List.of("E5", "E3"), java.util.List.of("E6", "E4"),
                    java.util.List.of("C1", "C2"), java.util.List.of("C2", "C3"), java.util.List.of("C3", "C1"))));
            writer.write("CREATE (:Project {name: 'Apollo'}), (:Project {name: 'Zephyr'})"
                    + " WITH 1 AS x MATCH (e:Employee {emp_no: 'E4'}), (p:Project) CREATE (e)-[:WORKS_ON]->(p)", Map.of());

            ForeignOrgGraph foreign = new ForeignOrgGraph(reader);
            GraphShape shape = foreign.shape();
            assertThat(shape.labels()).contains(new GraphShape.LabelCount("Employee", 10), new GraphShape.LabelCount("Project", 2));
            assertThat(shape.selfRelationships()).containsExactly(new GraphShape.SelfRelationship("Employee", "REPORTS_TO", 9, GraphShape.Forest.NONE));

            OrgMapping mapping = foreign.suggest().orElseThrow();
            assertThat(mapping).isEqualTo(new OrgMapping("Employee", "emp_no", "full_name", "REPORTS_TO", true));

            MappingPreview preview = foreign.preview(mapping);
            assertThat(preview.people()).isEqualTo(10);
            assertThat(preview.roots()).isEqualTo(1);
            assertThat(preview.loners()).isEqualTo(1);
            assertThat(preview.severalManagers()).isEqualTo(1);
            assertThat(preview.depth()).isEqualTo(3);
            assertThat(preview.inCycles()).containsExactly("C1", "C2", "C3");
            assertThat(preview.summary()).contains("10 people, 1 root, 3 levels deep")
                    .contains("People in a cycle (their managers lead back to them): C1, C2, C3");

            MappingPreview flat = foreign.preview(new OrgMapping("Project", "name", "name", "REPORTS_TO", true));
            assertThat(flat.summary()).isEqualTo("2 people but no hierarchy: nobody has a manager through that relationship.");

            writer.write("MATCH (n) WHERE n:Employee OR n:Project DETACH DELETE n", Map.of());
        }
    }

    private GraphEngine engine(ConnectionProfile profile, StatementRecorder recorder) throws Exception {
        GraphEngine engine = new GraphEngine(profile.settings(dataDir, Neo4jInAnotherProcess.PASSWORD), recorder);
        engine.start();
        engine.upWithoutImport();
        return engine;
    }
}
