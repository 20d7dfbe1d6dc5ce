package org.persistenceexplorer.service.orggraph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.graph.Delegation;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.store.capture.WorkContext;

/**
 * The cross-store profile of a person (graph facts from Neo4j, SQL facts from PostgreSQL)
 * through a read-through cache (Caffeine): a miss costs one Cypher statement and one SQL
 * statement, each under its own action ("… · graph", "… · sql") so the log shows what each
 * part cost; a hit costs none. Entries are invalidated when the person's SQL row or graph node
 * changes through the app ({@link #invalidate}), and expire after a while as a safety net for
 * changes made behind the app's back. Thread-safe; look-ups block, call them off the FX thread.
 */
public final class PersonProfiles {

    public static final int DEFAULT_SIZE = 500;
    static final Duration EXPIRE_AFTER = Duration.ofMinutes(10);

    static final String GRAPH_FACTS = """
            MATCH (p:Person {employeeId: $id})
            OPTIONAL MATCH chain = (p)-[:REPORTS_TO*0..]->(top:Person)
              WHERE NOT (top)-[:REPORTS_TO]->()
            WITH p, [n IN nodes(chain)[1..] | n.name] AS chainOfCommand
            RETURN p.name AS name, p.title AS title, chainOfCommand,
                   COUNT { (p)<-[:REPORTS_TO]-(:Person) } AS directReports,
                   size([(p)<-[:REPORTS_TO*1..]-(d:Person) | d]) AS totalReports,
                   [(p)-[:HAS_ROLE]->(r:Role) | r.name] AS roles,
                   apoc_free_permissions AS permissions,
                   [(p)-[d:DELEGATES_TO]->(o:Person) | {fromId: p.employeeId, fromName: p.name, toId: o.employeeId,
                       toName: o.name, scope: d.scope, validFrom: d.validFrom, validTo: d.validTo}] AS delegationsOut,
                   [(p)<-[d:DELEGATES_TO]-(o:Person) | {fromId: o.employeeId, fromName: o.name, toId: p.employeeId,
                       toName: p.name, scope: d.scope, validFrom: d.validFrom, validTo: d.validTo}] AS delegationsIn"""
            .replace("apoc_free_permissions", "reduce(all = [], perm IN [(p)-[:HAS_ROLE]->(:Role)-[:GRANTS]->(g:Permission) | g.name] "
                    + "| CASE WHEN perm IN all THEN all ELSE all + perm END)");

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final CypherRunner graph;
    private final DataSource dataSource;
    private final String sqlFacts;
    private final Cache<Long, PersonProfile> cache;
    private final AtomicLong invalidations = new AtomicLong();

    public PersonProfiles(CypherRunner graph, DataSource dataSource) {
        this(graph, dataSource, "hr", DEFAULT_SIZE);
    }

    /** @param maximumSize how many profiles the cache keeps before it evicts */
    public PersonProfiles(CypherRunner graph, DataSource dataSource, String hrSchema, int maximumSize) {
        if (!SCHEMA_NAME.matcher(hrSchema).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + hrSchema);
        }
        this.graph = graph;
        this.dataSource = dataSource;
        this.sqlFacts = "SELECT e.salary, e.hired_on, d.name AS department, "
                + "array_remove(array_agg(pr.name ORDER BY pr.name), NULL) AS projects "
                + "FROM " + hrSchema + ".employee e LEFT JOIN " + hrSchema + ".department d ON d.id = e.department_id "
                + "LEFT JOIN " + hrSchema + ".employee_project ep ON ep.employee_id = e.id "
                + "LEFT JOIN " + hrSchema + ".project pr ON pr.id = ep.project_id "
                + "WHERE e.id = ? GROUP BY e.id, d.name";
        // Inline executor: evictions are counted when they happen, not on a pool thread later.
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(EXPIRE_AFTER)
                .executor(Runnable::run).recordStats().build();
    }

    /** The profile of one person: from the cache, or read from both stores and cached. */
    public ProfileLookup lookup(long employeeId) {
        // Read-through: the loader runs once per key even when two look-ups race; one get, so
        // the statistics count one hit or one miss per look-up.
        boolean[] loaded = {false};
        PersonProfile profile = cache.get(employeeId, id -> {
            loaded[0] = true;
            return load(id);
        });
        return new ProfileLookup(Optional.ofNullable(profile), !loaded[0], loaded[0] ? 1 : 0,
                loaded[0] && profile != null ? 1 : 0, counts());
    }

    /** The person's SQL row or graph node changed: the next look-up reads both stores again. */
    public void invalidate(long employeeId) {
        if (cache.asMap().remove(employeeId) != null) {
            invalidations.incrementAndGet();
        }
    }

    /** Several people changed at once (a sync, a delegation between two people). */
    public void invalidateAll(Iterable<Long> employeeIds) {
        employeeIds.forEach(this::invalidate);
    }

    /** Everything may have changed (a new HR data set). */
    public void clear() {
        long size = cache.estimatedSize();
        cache.invalidateAll();
        invalidations.addAndGet(size);
    }

    public ProfileLookup.CacheCounts counts() {
        cache.cleanUp();
        CacheStats stats = cache.stats();
        return new ProfileLookup.CacheCounts(stats.hitCount(), stats.missCount(), stats.evictionCount(),
                invalidations.get(), cache.estimatedSize());
    }

    /** Null when the graph has no such person: nothing is cached then. */
    private PersonProfile load(long employeeId) {
        String action = WorkContext.currentAction();
        List<Map<String, Object>> rows;
        try (WorkContext.Scope ignored = WorkContext.enter(action + " · graph")) {
            rows = graph.read(GRAPH_FACTS, Map.of("id", employeeId)).rows();
        }
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> g = rows.get(0);
        try (WorkContext.Scope ignored = WorkContext.enter(action + " · sql");
             Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sqlFacts)) {
            statement.setLong(1, employeeId);
            BigDecimal salary = null;
            LocalDate hiredOn = null;
            String department = null;
            List<String> projects = List.of();
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    salary = row.getBigDecimal("salary");
                    Date hired = row.getDate("hired_on");
                    hiredOn = hired == null ? null : hired.toLocalDate();
                    department = row.getString("department");
                    projects = Arrays.asList((String[]) row.getArray("projects").getArray());
                }
            }
            return new PersonProfile(employeeId, (String) g.get("name"), (String) g.get("title"),
                    strings(g.get("chainOfCommand")), ((Number) g.get("directReports")).longValue(),
                    ((Number) g.get("totalReports")).longValue(), strings(g.get("roles")), strings(g.get("permissions")),
                    delegations(g.get("delegationsOut")), delegations(g.get("delegationsIn")),
                    salary, department, projects, hiredOn);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + employeeId + "'s HR row: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Delegation> delegations(Object value) {
        List<Delegation> out = new ArrayList<>();
        if (value != null) {
            for (Object row : (List<?>) value) {
                out.add(Delegations.of((Map<String, Object>) row));
            }
        }
        return out;
    }
}
