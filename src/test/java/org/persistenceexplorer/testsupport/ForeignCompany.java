package org.persistenceexplorer.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.service.connect.ConnectionProfile;
import org.persistenceexplorer.service.connect.Neo4jTarget;
import org.persistenceexplorer.service.engine.GraphEngine;
import org.persistenceexplorer.store.capture.StatementRecorder;

/**
 * A company in a graph that is not the app's, on the second-JVM Neo4j: {@code (:Staff {emp_no,
 * full_name})} with {@code (manager)-[:MANAGES]->(report)} (the manager's side first, integer
 * keys), 136 people in four levels under one chief (3 VPs, 4 leads each, 10 people each), a
 * cycle of three (X1 -> X2 -> X3 -> X1), a loner, a larger {@code KNOWS} that is no tree,
 * {@code (:Staff)-[:IN_UNIT]->(:Unit)} departments and {@code HOLDS} roles. Written through a
 * profile with writes unlocked; read through a read-only one ({@link #reader()}).
 */
public final class ForeignCompany implements AutoCloseable {

    public static final String LABEL = "Staff";
    private final GraphEngine writer;
    private final GraphEngine reader;

    public ForeignCompany(Path dataDir, StatementRecorder recorder) throws Exception {
        Neo4jInAnotherProcess neo4j = Neo4jInAnotherProcess.get();
        Neo4jTarget target = new Neo4jTarget(neo4j.boltUri(), "", Neo4jInAnotherProcess.USER);
        writer = engine(new ConnectionProfile("writer", null, target, true, 0), dataDir, recorder);
        reader = engine(new ConnectionProfile("reader", null, target, false, 0), dataDir, recorder);
        clear();
        List<List<Object>> people = new ArrayList<>();
        List<List<Object>> manages = new ArrayList<>();
        people.add(List.of(1L, "Ada Chief", "Board"));
        for (int v = 1; v <= 3; v++) {
            long vp = 10L * v;
            people.add(List.of(vp, "Vp " + (char) ('A' + v - 1) + "lpha", "Unit " + v));
            manages.add(List.of(1L, vp));
            for (int l = 1; l <= 4; l++) {
                long lead = 100L * v + l;
                people.add(List.of(lead, "Lead " + v + "-" + l, "Unit " + v));
                manages.add(List.of(vp, lead));
                for (int p = 1; p <= 10; p++) {
                    long person = 10_000L * v + 100L * l + p;
                    people.add(List.of(person, "Person " + v + "-" + l + "-" + p, "Unit " + v));
                    manages.add(List.of(lead, person));
                }
            }
        }
        people.add(List.of(901L, "Xena Loop", "Loops"));
        people.add(List.of(902L, "Xavier Loop", "Loops"));
        people.add(List.of(903L, "Xu Loop", "Loops"));
        manages.add(List.of(901L, 902L));
        manages.add(List.of(902L, 903L));
        manages.add(List.of(903L, 901L));
        people.add(List.of(999L, "Lone Wolf", "Board"));
        writer.write("UNWIND $people AS p MERGE (u:Unit {name: p[2]})"
                + " CREATE (:Staff {emp_no: p[0], full_name: p[1]})-[:IN_UNIT]->(u)", Map.of("people", people));
        writer.write("UNWIND $links AS l MATCH (a:Staff {emp_no: l[0]}), (b:Staff {emp_no: l[1]}) CREATE (a)-[:MANAGES]->(b)",
                Map.of("links", manages));
        // Everyone knows the chief and each VP: more relationships than MANAGES, and no tree.
        writer.write("MATCH (a:Staff), (b:Staff) WHERE b.emp_no IN [1, 10, 20] AND a <> b CREATE (a)-[:KNOWS]->(b)", Map.of());
        writer.write("MATCH (a:Staff {emp_no: 1}) CREATE (a)-[:HOLDS]->(:Post {name: 'Chief executive'})", Map.of());
    }

    /** The read-only engine (what the app has on an external profile). */
    public GraphEngine reader() {
        return reader;
    }

    private void clear() {
        writer.write("MATCH (n) WHERE n:Staff OR n:Unit OR n:Post DETACH DELETE n", Map.of());
    }

    @Override
    public void close() throws Exception {
        try {
            clear();
        } finally {
            writer.close();
            reader.close();
        }
    }

    private static GraphEngine engine(ConnectionProfile profile, Path dataDir, StatementRecorder recorder) throws Exception {
        GraphEngine engine = new GraphEngine(profile.settings(dataDir, Neo4jInAnotherProcess.PASSWORD), recorder);
        engine.start();
        engine.upWithoutImport();
        return engine;
    }
}
