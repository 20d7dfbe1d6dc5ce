package org.persistenceexplorer.service.orggraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.service.engine.CypherRunner;

/**
 * A Cypher script shipped under {@code sample-data/graph/}: statements that end with a
 * semicolon at the end of a line, {@code //} comment lines. Run statement by statement through
 * the {@link CypherRunner}, so each one is in the log. Blocking; call off the FX thread.
 */
public final class GraphScript {

    /** The graph's own sample data: roles, permissions, delegations. */
    public static final String ROLES_AND_DELEGATIONS = "/sample-data/graph/roles-permissions-delegations.cypher";

    private final String resource;
    private final List<String> statements;

    private GraphScript(String resource, List<String> statements) {
        this.resource = resource;
        this.statements = List.copyOf(statements);
    }

    /** Reads a script from the classpath. */
    public static GraphScript load(String resource) {
        try (InputStream in = GraphScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The graph script " + resource + " is not on the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    static GraphScript parse(String name, String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new GraphScript(name, statements);
    }

    public List<String> statements() {
        return statements;
    }

    /** Runs every statement in order and adds up what they changed (0 on a repeated run). */
    public long run(CypherRunner graph) {
        long changes = 0;
        for (String statement : statements) {
            GraphResult result = graph.write(statement, Map.of());
            changes += result.counters().total();
        }
        return changes;
    }

    @Override
    public String toString() {
        return resource + " (" + statements.size() + " statements)";
    }
}
