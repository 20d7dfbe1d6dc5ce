package org.persistenceexplorer.domain.statement;

/** The database engine a captured statement ran on. */
public enum Engine {
    POSTGRESQL("PostgreSQL"),
    NEO4J("Neo4j");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    /** The name users know the engine by. */
    public String label() {
        return label;
    }
}
