package org.persistenceexplorer.service.orggraph;

import java.util.Map;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.store.graph.GraphQueryException;

/**
 * The lesson of the uniqueness constraint, run for real: a plain {@code CREATE} of a person who
 * is already in the graph, refused by the server, next to the {@code MERGE} of the same person,
 * which finds them and creates nothing. Only runs when the constraint is there (otherwise the
 * CREATE would make a duplicate). Blocking; call off the FX thread.
 */
public final class ConstraintLesson {

    public static final String CREATE = "CREATE (p:Person {employeeId: $id, name: $name}) RETURN p.name AS name";
    public static final String MERGE = "MERGE (p:Person {employeeId: $id}) RETURN p.name AS name";
    static final String CONSTRAINT_THERE = "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties "
            + "WHERE labelsOrTypes = ['Person'] AND properties = ['employeeId'] RETURN count(*) AS n";

    static final String PERSON_THERE = "MATCH (p:Person {employeeId: $id}) RETURN count(p) AS n";

    /**
     * What the two statements did.
     *
     * @param createError the server's refusal of the CREATE (its message), null if it was not refused
     * @param errorCode   the server's error code, e.g. Neo.ClientError.Schema.ConstraintValidationFailed
     * @param mergeNodesCreated nodes the MERGE created (0: it found the person)
     */
    public record Outcome(String createCypher, String createError, String errorCode, String mergeCypher,
                          int mergeNodesCreated, String mergedName) {
    }

    private final CypherRunner graph;

    public ConstraintLesson(CypherRunner graph) {
        this.graph = graph;
    }

    /** Runs both statements for the person with {@code employeeId} (who must be in the graph). */
    public Outcome run(long employeeId, String name) {
        if (((Number) graph.read(CONSTRAINT_THERE, Map.of()).singleValue()).longValue() == 0) {
            throw new IllegalStateException("There is no uniqueness constraint on :Person(employeeId) yet: run a sync first.");
        }
        if (((Number) graph.read(PERSON_THERE, Map.of("id", employeeId)).singleValue()).longValue() == 0) {
            throw new IllegalArgumentException("Person " + employeeId + " is not in the graph: pick someone on the chart.");
        }
        Map<String, Object> parameters = Map.of("id", employeeId, "name", name);
        String error = null;
        String code = null;
        try {
            graph.write(CREATE, parameters);
        } catch (GraphQueryException e) {
            error = e.getMessage();
            code = e.code();
        }
        GraphResult merged = graph.write(MERGE, Map.of("id", employeeId));
        return new Outcome(CREATE, error, code, MERGE, merged.counters().nodesCreated(), (String) merged.singleValue());
    }
}
