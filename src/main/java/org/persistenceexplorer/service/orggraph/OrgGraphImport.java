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
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * Syncs the HR people and departments (PostgreSQL, the system of record) into Neo4j as the org
 * graph: one {@code :Person} per employee (employeeId, name, title, department, email),
 * {@code :Department} nodes, {@code REPORTS_TO} to the manager and {@code IN_DEPARTMENT}; then
 * the graph's own roles, permissions and delegations ({@link GraphScript#ROLES_AND_DELEGATIONS}).
 *
 * <p>Idempotent: uniqueness constraints plus {@code MERGE}, and properties set only where HR
 * changed them, so a second sync of the same data writes nothing at all. People removed from HR
 * leave the graph; a moved person's {@code REPORTS_TO} moves. Rows go to Neo4j in
 * {@code UNWIND} batches. An interrupted sync leaves what it wrote; the next one completes it
 * without duplicates (the constraint and MERGE see to that). Each person carries the HR schema
 * they came from ({@code source}), so removals touch only that source's people.
 *
 * <p>Reads PostgreSQL through the captured DataSource and writes through the {@link CypherRunner},
 * so every statement reaches the statement log. Blocking; call off the FX thread. Cancelling the
 * current work stops the running batch on the server and refuses the next one.
 */
public final class OrgGraphImport {

    /** The action label used when the caller has not set one. */
    public static final String ACTION = "startup: import org graph";
    public static final int DEFAULT_BATCH_SIZE = 500;

    static final String CONSTRAINT = "CREATE CONSTRAINT person_employee_id IF NOT EXISTS "
            + "FOR (p:Person) REQUIRE p.employeeId IS UNIQUE";
    static final String DEPARTMENT_CONSTRAINT = "CREATE CONSTRAINT department_key IF NOT EXISTS "
            + "FOR (d:Department) REQUIRE d.key IS UNIQUE";
    static final String MERGE_DEPARTMENTS = """
            UNWIND $departments AS dept
            MERGE (d:Department {key: dept.key})
            ON CREATE SET d.departmentId = dept.id, d.name = dept.name, d.source = $source
            WITH d, dept
            WHERE d.name <> dept.name
            SET d.name = dept.name""";
    /**
     * Compares each person with what the graph holds first (properties and manager), then
     * writes properties only for the new and the changed: an unchanged person costs a read.
     */
    static final String MERGE_PEOPLE = """
            UNWIND $people AS person
            OPTIONAL MATCH (old:Person {employeeId: person.id})
            OPTIONAL MATCH (old)-[:REPORTS_TO]->(oldBoss:Person)
            OPTIONAL MATCH (old)-[:IN_DEPARTMENT]->(oldDept:Department)
            WITH person, old, collect(DISTINCT oldBoss.employeeId) AS bosses, collect(DISTINCT oldDept.key) AS depts
            WITH person, old IS NULL AS isNew,
                 old IS NOT NULL AND (coalesce(old.name, '') <> coalesce(person.name, '')
                   OR coalesce(old.title, '') <> coalesce(person.title, '')
                   OR coalesce(old.department, '') <> coalesce(person.department, '')
                   OR coalesce(old.email, '') <> coalesce(person.email, '')
                   OR coalesce(old.source, '') <> person.source
                   OR bosses <> CASE WHEN person.managerId IS NULL THEN [] ELSE [person.managerId] END
                   OR depts <> CASE WHEN person.departmentKey IS NULL THEN [] ELSE [person.departmentKey] END) AS isChanged
            MERGE (p:Person {employeeId: person.id})
            FOREACH (_ IN CASE WHEN isNew OR isChanged THEN [1] ELSE [] END |
              SET p.name = person.name, p.title = person.title, p.department = person.department,
                  p.email = person.email, p.source = person.source)
            RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN isChanged THEN 1 ELSE 0 END) AS updated,
                   collect(CASE WHEN isNew OR isChanged THEN person.id END) AS changed""";
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
    static final String LINK_DEPARTMENTS = """
            UNWIND $people AS person
            MATCH (e:Person {employeeId: person.id})
            OPTIONAL MATCH (e)-[former:IN_DEPARTMENT]->(formerDept:Department)
              WHERE person.departmentKey IS NULL OR formerDept.key <> person.departmentKey
            DELETE former
            WITH DISTINCT e, person
            WHERE person.departmentKey IS NOT NULL
            MATCH (d:Department {key: person.departmentKey})
            MERGE (e)-[:IN_DEPARTMENT]->(d)""";
    static final String REMOVE_PEOPLE = """
            MATCH (p:Person {source: $source})
            WHERE NOT p.employeeId IN $ids
            WITH p, p.employeeId AS id
            DETACH DELETE p
            RETURN collect(id) AS removed""";
    static final String REMOVE_DEPARTMENTS = """
            MATCH (d:Department {source: $source})
            WHERE NOT d.key IN $keys
            DETACH DELETE d""";

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
    private final String departmentQuery;
    private final String source;
    private final int batchSize;

    /** Syncs from the HR sample's schema {@code hr}. */
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
        this.peopleQuery = "SELECT e.id, e.name, e.title, e.email, d.name AS department, e.department_id, e.manager_id "
                + "FROM " + hrSchema + ".employee e LEFT JOIN " + hrSchema + ".department d ON d.id = e.department_id "
                + "ORDER BY e.id";
        this.departmentQuery = "SELECT id, name FROM " + hrSchema + ".department ORDER BY id";
    }

    /** The HR schema this sync reads (the {@code source} its people carry in the graph). */
    public String source() {
        return source;
    }

    /**
     * The startup import: runs the sync under the caller's action, or under {@link #ACTION} when
     * there is none. When HR has not changed since the last import and the graph still holds
     * what it wrote, it sends one read and nothing else: a warm start waits for nothing.
     */
    public ImportOutcome importPeople() throws SQLException {
        try (WorkContext.Scope ignored = enterDefaultAction()) {
            // Departments are read only when something is written: a warm start is one SQL read and one Cypher read.
            List<Map<String, Object>> people = readPeople();
            String fingerprint = fingerprint(people);
            if (unchangedSinceLastImport(people, fingerprint)) {
                return new ImportOutcome(people.size(), 0, 0, 0, false, 1, true);
            }
            HrRows hr = new HrRows(readDepartments(), people);
            Written written = write(hr, fingerprint, Progress.NONE);
            return new ImportOutcome(hr.people().size(), written.outcome().created(), written.linksCreated(),
                    written.linksRemoved(), written.constraintCreated(), written.outcome().graphStatements() + 1, false);
        }
    }

    /**
     * The sync on demand: compares every person and writes only the differences, whatever the
     * last import remembered. Reports progress per batch.
     */
    public SyncOutcome sync(Progress progress) throws SQLException {
        try (WorkContext.Scope ignored = enterDefaultAction()) {
            progress.update(-1, "Reading HR from PostgreSQL");
            HrRows hr = new HrRows(readDepartments(), readPeople());
            return write(hr, fingerprint(hr.people()), progress).outcome();
        }
    }

    private static WorkContext.Scope enterDefaultAction() {
        return WorkContext.NO_ACTION.equals(WorkContext.currentAction()) ? WorkContext.enter(ACTION) : () -> { };
    }

    private record Written(SyncOutcome outcome, int linksCreated, int linksRemoved, boolean constraintCreated) {
    }

    private Written write(HrRows hr, String fingerprint, Progress progress) {
        List<Map<String, Object>> people = hr.people();
        Tally tally = new Tally();
        GraphResult constraint = tally.write(CONSTRAINT, Map.of());
        tally.write(DEPARTMENT_CONSTRAINT, Map.of());
        tally.write(MERGE_DEPARTMENTS, Map.of("departments", hr.departments(), "source", source));
        List<List<Map<String, Object>>> batches = batches(people);
        int created = 0;
        int updated = 0;
        List<Long> changed = new ArrayList<>();
        int done = 0;
        for (List<Map<String, Object>> batch : batches) {
            progress.update(0.1 + 0.5 * done / people.size(), "People " + done + " of " + people.size());
            Map<String, Object> row = tally.write(MERGE_PEOPLE, Map.of("people", batch)).rows().get(0);
            created += ((Number) row.get("created")).intValue();
            updated += ((Number) row.get("updated")).intValue();
            for (Object id : (List<?>) row.get("changed")) {
                changed.add(((Number) id).longValue());
            }
            done += batch.size();
        }
        int linksBefore = tally.relationshipsCreated;
        int unlinksBefore = tally.relationshipsDeleted;
        done = 0;
        for (List<Map<String, Object>> batch : batches) {
            progress.update(0.6 + 0.3 * done / people.size(), "Reporting lines " + done + " of " + people.size());
            tally.write(LINK_MANAGERS, Map.of("people", batch));
            tally.write(LINK_DEPARTMENTS, Map.of("people", batch));
            done += batch.size();
        }
        int linksCreated = tally.relationshipsCreated - linksBefore;
        int linksRemoved = tally.relationshipsDeleted - unlinksBefore;
        progress.update(0.9, "Removing people no longer in HR");
        List<Long> ids = people.stream().map(p -> (Long) p.get("id")).toList();
        GraphResult removal = tally.write(REMOVE_PEOPLE, Map.of("source", source, "ids", ids));
        List<?> removedIds = (List<?>) removal.rows().get(0).get("removed");
        for (Object id : removedIds) {
            changed.add(((Number) id).longValue());
        }
        tally.write(REMOVE_DEPARTMENTS, Map.of("source", source,
                "keys", hr.departments().stream().map(d -> d.get("key")).toList()));
        progress.update(0.95, "Roles, permissions and delegations");
        for (String statement : GraphScript.load(GraphScript.ROLES_AND_DELEGATIONS).statements()) {
            tally.write(statement, Map.of());
        }
        // Remembered last, so an interrupted sync is never taken for a finished one.
        long before = tally.changes;
        tally.write(REMEMBER_IMPORT, Map.of("source", source, "fingerprint", fingerprint, "people", people.size()));
        tally.changes = before; // bookkeeping of the sync itself, not a change to the org graph
        progress.update(1, "Synced");
        int removed = removedIds.size();
        SyncOutcome outcome = new SyncOutcome(people.size(), created, updated, people.size() - created - updated, removed,
                linksCreated, linksRemoved + removal.counters().relationshipsDeleted(), tally.changes,
                tally.statements, changed);
        return new Written(outcome, linksCreated, linksRemoved, constraint.counters().constraintsAdded() > 0);
    }

    /** Adds up what the sync's statements did, as the server reported it. */
    private final class Tally {
        int statements;
        long changes;
        int relationshipsCreated;
        int relationshipsDeleted;

        GraphResult write(String cypher, Map<String, Object> parameters) {
            GraphResult result = graph.write(cypher, parameters);
            statements++;
            changes += result.counters().total();
            relationshipsCreated += result.counters().relationshipsCreated();
            relationshipsDeleted += result.counters().relationshipsDeleted();
            return result;
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
                for (String field : List.of("id", "name", "title", "email", "department", "departmentKey", "managerId")) {
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

    private record HrRows(List<Map<String, Object>> departments, List<Map<String, Object>> people) {
    }

    private List<Map<String, Object>> readDepartments() throws SQLException {
        List<Map<String, Object>> departments = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(departmentQuery);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong("id");
                departments.add(Map.of("id", id, "name", rows.getString("name"), "key", departmentKey(id)));
            }
        }
        return departments;
    }

    private List<Map<String, Object>> readPeople() throws SQLException {
        List<Map<String, Object>> people = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(peopleQuery);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // HashMap: department and managerId may be null
                    Map<String, Object> person = new HashMap<>();
                    person.put("id", rows.getLong("id"));
                    person.put("name", rows.getString("name"));
                    person.put("title", rows.getString("title"));
                    person.put("email", rows.getString("email"));
                    person.put("department", rows.getString("department"));
                    long departmentId = rows.getLong("department_id");
                    person.put("departmentKey", rows.wasNull() ? null : departmentKey(departmentId));
                    long managerId = rows.getLong("manager_id");
                    person.put("managerId", rows.wasNull() ? null : managerId);
                    person.put("source", source);
                    people.add(person);
                }
            }
        }
        return people;
    }

    /** Department ids repeat across HR schemas; the key names the schema too. */
    private String departmentKey(long id) {
        return source + "/" + id;
    }

    private List<List<Map<String, Object>>> batches(List<Map<String, Object>> people) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int from = 0; from < people.size(); from += batchSize) {
            batches.add(people.subList(from, Math.min(people.size(), from + batchSize)));
        }
        return batches;
    }
}
