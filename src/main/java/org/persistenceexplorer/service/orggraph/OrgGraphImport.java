package org.persistenceexplorer.service.orggraph;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.domain.graph.GraphResult;

/**
 * Copies the HR people into Neo4j as the org graph: one {@code :Person} node per employee
 * (employeeId, name, title, department, email) and a {@code :REPORTS_TO} relationship from each
 * employee to their manager. Safe to repeat: a uniqueness constraint on
 * {@code :Person(employeeId)} plus {@code MERGE} mean a second import of the same data creates
 * nothing; a manager changed in HR moves the relationship. People deleted from HR stay in the
 * graph. Rows go to Neo4j in {@code UNWIND} batches, so 300 people are two statements, not 600.
 *
 * <p>Reads PostgreSQL through the captured DataSource and writes through the {@link CypherRunner},
 * so every statement reaches the statement log. Blocking; call off the FX thread. Cancelling the
 * current work stops the running batch on the server.
 */
public final class OrgGraphImport {

    /** The action label used when the caller has not set one. */
    public static final String ACTION = "startup: import org graph";
    public static final int DEFAULT_BATCH_SIZE = 500;

    static final String CONSTRAINT = "CREATE CONSTRAINT person_employee_id IF NOT EXISTS "
            + "FOR (p:Person) REQUIRE p.employeeId IS UNIQUE";
    /** Writes properties only where HR changed them, so a re-import writes nothing at all. */
    static final String MERGE_PEOPLE = """
            UNWIND $people AS person
            MERGE (p:Person {employeeId: person.id})
            WITH p, person
            WHERE coalesce(p.name, '') <> coalesce(person.name, '')
               OR coalesce(p.title, '') <> coalesce(person.title, '')
               OR coalesce(p.department, '') <> coalesce(person.department, '')
               OR coalesce(p.email, '') <> coalesce(person.email, '')
            SET p.name = person.name, p.title = person.title, p.department = person.department, p.email = person.email""";
    /** Removes a REPORTS_TO that HR no longer has, then links each employee to their manager. */
    static final String LINK_MANAGERS = """
            UNWIND $people AS person
            MATCH (e:Person {employeeId: person.id})
            OPTIONAL MATCH (e)-[former:REPORTS_TO]->(formerBoss:Person)
              WHERE person.managerId IS NULL OR formerBoss.employeeId <> person.managerId
            DELETE former
            WITH DISTINCT e, person
            WHERE person.managerId IS NOT NULL
            MATCH (boss:Person {employeeId: person.managerId})
            MERGE (e)-[:REPORTS_TO]->(boss)""";

    /**
     * What the graph holds of the last import from this source: its fingerprint, and how many of
     * the people and reporting lines it wrote are still there (someone may have deleted some in
     * the console since).
     */
    static final String LAST_IMPORT = """
            OPTIONAL MATCH (state:OrgImport {source: $source})
            CALL {
              UNWIND $ids AS id
              MATCH (p:Person {employeeId: id})
              OPTIONAL MATCH (p)-[r:REPORTS_TO]->(:Person)
              RETURN count(DISTINCT p) AS people, count(r) AS links
            }
            RETURN state.fingerprint AS fingerprint, people, links""";
    static final String REMEMBER_IMPORT = "MERGE (state:OrgImport {source: $source}) "
            + "SET state.fingerprint = $fingerprint, state.people = $people, state.importedAt = datetime()";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final CypherRunner graph;
    private final String peopleQuery;
    private final String source;
    private final int batchSize;

    /** Imports from the HR sample's schema {@code hr}. */
    public OrgGraphImport(DataSource dataSource, CypherRunner graph) {
        this(dataSource, graph, "hr", DEFAULT_BATCH_SIZE);
    }

    /**
     * @param hrSchema the schema holding {@code employee} and {@code department} tables shaped like the HR sample's
     */
    public OrgGraphImport(DataSource dataSource, CypherRunner graph, String hrSchema, int batchSize) {
        if (!SCHEMA_NAME.matcher(hrSchema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + hrSchema);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.dataSource = dataSource;
        this.graph = graph;
        this.batchSize = batchSize;
        this.source = hrSchema;
        this.peopleQuery = "SELECT e.id, e.name, e.title, e.email, d.name AS department, e.manager_id "
                + "FROM " + hrSchema + ".employee e LEFT JOIN " + hrSchema + ".department d ON d.id = e.department_id "
                + "ORDER BY e.id";
    }

    /**
     * Runs the import under the caller's action, or under {@link #ACTION} when there is none.
     * When HR has not changed since the last import and the graph still holds what it wrote, it
     * sends one read and nothing else: a warm start imports nothing and so waits for nothing.
     */
    public ImportOutcome importPeople() throws SQLException {
        try (WorkContext.Scope ignored = WorkContext.NO_ACTION.equals(WorkContext.currentAction())
                ? WorkContext.enter(ACTION) : () -> { }) {
            List<Map<String, Object>> people = readPeople();
            String fingerprint = fingerprint(people);
            if (unchangedSinceLastImport(people, fingerprint)) {
                return new ImportOutcome(people.size(), 0, 0, 0, false, 1, true);
            }
            boolean constraintCreated = graph.write(CONSTRAINT, Map.of()).counters().constraintsAdded() > 0;
            int statements = 2;
            int nodesCreated = 0;
            for (List<Map<String, Object>> batch : batches(people)) {
                nodesCreated += graph.write(MERGE_PEOPLE, Map.of("people", batch)).counters().nodesCreated();
                statements++;
            }
            int relationshipsCreated = 0;
            int relationshipsRemoved = 0;
            for (List<Map<String, Object>> batch : batches(people)) {
                GraphResult.Counters counters = graph.write(LINK_MANAGERS, Map.of("people", batch)).counters();
                relationshipsCreated += counters.relationshipsCreated();
                relationshipsRemoved += counters.relationshipsDeleted();
                statements++;
            }
            graph.write(REMEMBER_IMPORT, Map.of("source", source, "fingerprint", fingerprint, "people", people.size()));
            statements++;
            return new ImportOutcome(people.size(), nodesCreated, relationshipsCreated, relationshipsRemoved,
                    constraintCreated, statements, false);
        }
    }

    private boolean unchangedSinceLastImport(List<Map<String, Object>> people, String fingerprint) {
        List<Long> ids = people.stream().map(p -> (Long) p.get("id")).toList();
        long links = people.stream().filter(p -> p.get("managerId") != null).count();
        Map<String, Object> last = graph.read(LAST_IMPORT, Map.of("source", source, "ids", ids)).rows().get(0);
        return fingerprint.equals(last.get("fingerprint"))
                && ((Number) last.get("people")).longValue() == people.size()
                && ((Number) last.get("links")).longValue() == links;
    }

    /** A digest of everything the import writes, in id order: equal digests, equal graphs. */
    static String fingerprint(List<Map<String, Object>> people) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Map<String, Object> person : people) {
                for (String field : List.of("id", "name", "title", "email", "department", "managerId")) {
                    Object value = person.get(field);
                    // A separator and a null marker of their own, so ("a","bc") and ("ab","c") differ.
                    digest.update((value == null ? "\u0000" : value.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private List<Map<String, Object>> readPeople() throws SQLException {
        List<Map<String, Object>> people = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(peopleQuery);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                // HashMap: department and managerId may be null
                Map<String, Object> person = new HashMap<>();
                person.put("id", rows.getLong("id"));
                person.put("name", rows.getString("name"));
                person.put("title", rows.getString("title"));
                person.put("email", rows.getString("email"));
                person.put("department", rows.getString("department"));
                long managerId = rows.getLong("manager_id");
                person.put("managerId", rows.wasNull() ? null : managerId);
                people.add(person);
            }
        }
        return people;
    }

    private List<List<Map<String, Object>>> batches(List<Map<String, Object>> people) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int from = 0; from < people.size(); from += batchSize) {
            batches.add(people.subList(from, Math.min(people.size(), from + batchSize)));
        }
        return batches;
    }
}
