package org.persistenceexplorer.service.foreigngraph;

/** Cypher names from a user's graph, quoted so any label or type name is safe in a statement. */
final class Cypher {

    private Cypher() {
    }

    /** `name`, with backticks inside doubled (Cypher's escape). */
    static String name(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
