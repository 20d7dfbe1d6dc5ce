package org.persistenceexplorer.service.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * A Neo4j the user runs: {@code bolt://} (one server) or {@code neo4j://} (through the server's
 * routing table, a cluster's way), each also {@code +s} (TLS with a trusted certificate) or
 * {@code +ssc} (TLS, self-signed accepted). Never holds a password: Neo4j's is asked once per run
 * (decision 0029). Immutable.
 *
 * @param database the database's name, or blank for the server's default
 */
public record Neo4jTarget(String uri, String database, String user) {

    public Neo4jTarget {
        uri = uri == null ? "" : uri.strip();
        database = database == null ? "" : database.strip();
        user = user == null ? "" : user.strip();
    }

    /** What is wrong with this target in plain words, or an empty list. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://[^/]+")) {
            problems.add("The Neo4j address must look like bolt://host:7687 or neo4j://host:7687"
                    + " (+s or +ssc for TLS), not '" + uri + "'.");
        }
        return problems;
    }

    /** True for neo4j:// addresses, which the driver routes through the server's routing table. */
    public boolean routing() {
        return uri.startsWith("neo4j");
    }

    /** "host:port", for titles and messages. */
    public String address() {
        String rest = uri.contains("://") ? uri.substring(uri.indexOf("://") + 3) : uri;
        return rest.contains(":") ? rest : rest + ":7687";
    }
}
