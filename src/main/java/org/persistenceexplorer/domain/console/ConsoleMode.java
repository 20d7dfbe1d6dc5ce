package org.persistenceexplorer.domain.console;

/**
 * The three languages the Query Console speaks, each on its own engine path: SQL on the
 * captured JDBC pool, HQL / JPQL through the app's Hibernate, Cypher through the Bolt driver.
 */
public enum ConsoleMode {
    SQL("SQL", ':'),
    HQL("HQL", ':'),
    CYPHER("Cypher", '$');

    private final String title;
    private final char parameterPrefix;

    ConsoleMode(String title, char parameterPrefix) {
        this.title = title;
        this.parameterPrefix = parameterPrefix;
    }

    /** The name the user sees, e.g. "Cypher". */
    public String title() {
        return title;
    }

    /** How a named parameter starts in this language: {@code :name} or {@code $name}. */
    public char parameterPrefix() {
        return parameterPrefix;
    }
}
