package org.persistenceexplorer.service.migrations;

/**
 * A migration or undo script failed. The message says in plain words which script, where, the
 * server's reason, and what state the schema is in. Read from the failure itself: on PostgreSQL
 * Flyway's failed history row is rolled back with the script.
 */
public final class MigrationFailed extends Exception {

    private final String script;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final boolean halfApplied;

    MigrationFailed(String message, Throwable cause, String script, int line, String statement, String sqlState,
                    boolean halfApplied) {
        super(message, cause);
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.halfApplied = halfApplied;
    }

    /** The failed script's file name, or null when the failure was not in a script. */
    public String script() {
        return script;
    }

    /** The failing statement's line in the script, or -1. */
    public int line() {
        return line;
    }

    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    /** True when the script ran outside a transaction and what ran before the error stays. */
    public boolean halfApplied() {
        return halfApplied;
    }
}
