package org.persistenceexplorer.store.sql;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * A migrate call that failed, read from Flyway's exception rather than its history table (on
 * PostgreSQL the failed row is rolled back with the script): which script, the statement, its
 * line, the server's SQLState and message. Unchecked, like Flyway's own.
 */
public final class ScriptFailure extends RuntimeException {

    private final String script;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final String reason;
    private final boolean inTransaction;

    private ScriptFailure(String message, FlywayException cause, String script, int line, String statement,
                          String sqlState, String reason, boolean inTransaction) {
        super(message, cause);
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.reason = reason;
        this.inTransaction = inTransaction;
    }

    static ScriptFailure of(FlywayException e) {
        String script = null;
        int line = -1;
        String statement = null;
        String sqlState = null;
        boolean inTransaction = true;
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m) {
                if (m.getMigration() != null) {
                    script = m.getMigration().getScript();
                }
                inTransaction = m.isExecutableInTransaction();
                sqlState = sqlState == null ? m.getSqlState() : sqlState;
                if (m.getLineNumber() > 0) {
                    line = m.getLineNumber();
                }
            }
            if (t instanceof FlywaySqlScriptException s) {
                statement = s.getStatement();
                line = s.getLineNumber();
                sqlState = s.getSqlState();
                if (s.getResource() != null) {
                    script = s.getResource().getFilename();
                }
            }
            if (t instanceof java.sql.SQLException sql) {
                reason = sql.getMessage();
                sqlState = sql.getSQLState();
            }
        }
        return new ScriptFailure(e.getMessage(), e, script, line, statement, sqlState, reason, inTransaction);
    }

    /** The failed script's file name, or null when the failure was not in a script (validation). */
    public String script() {
        return script;
    }

    /** The failing statement's first line in the script, or -1. */
    public int line() {
        return line;
    }

    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    /** The server's message (or Flyway's when the server said nothing). */
    public String reason() {
        return reason;
    }

    /** False when the script ran outside a transaction: what ran before the error stays applied. */
    public boolean inTransaction() {
        return inTransaction;
    }
}
