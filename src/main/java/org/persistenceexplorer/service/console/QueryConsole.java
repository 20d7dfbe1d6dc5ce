package org.persistenceexplorer.service.console;

import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.ScriptPiece;

/**
 * The Query Console's one entry point: runs a statement in the chosen mode (SQL, HQL, Cypher),
 * explains it, fetches more rows of an open SQL result. Everything it sends goes through the
 * capture layer under the calling work's action label.
 *
 * <p>Blocking; call off the FX thread, one call at a time (the console's lane: the SQL cursor
 * belongs to it). Cancelling the calling work stops the statement on the server.
 */
public final class QueryConsole implements AutoCloseable {

    private final SqlConsole sql;
    private final HqlConsole hql;
    private final CypherConsole cypher;

    public QueryConsole(SqlConsole sql, HqlConsole hql, CypherConsole cypher) {
        this.sql = sql;
        this.hql = hql;
        this.cypher = cypher;
    }

    public ConsoleRun run(ConsoleMode mode, ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        sql.close();
        refuseUnsendable(piece, settings);
        return switch (mode) {
            case SQL -> sql.run(piece, settings);
            case HQL -> hql.run(piece, settings);
            case CYPHER -> cypher.run(piece, settings);
        };
    }

    /**
     * The statement's plan as a tree: SQL's EXPLAIN (ANALYZE: run and rolled back), Cypher's
     * EXPLAIN or PROFILE. HQL has no plan of its own (its SQL can be explained in SQL mode).
     */
    public ConsoleRun explain(ConsoleMode mode, ScriptPiece piece, boolean analyze, RunSettings settings) throws ConsoleFailure {
        refuseUnsendable(piece, settings);
        return switch (mode) {
            case SQL -> sql.explain(piece, analyze, settings);
            case CYPHER -> cypher.run(new ScriptPiece((analyze ? "PROFILE " : "EXPLAIN ") + piece.text(),
                    piece.start() - 8), settings); // both heads are 8 characters
            case HQL -> throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "HQL has no plan of its own: run it, "
                    + "copy the SQL Hibernate generated (shown beside the results) into SQL mode and explain that.", -1, "", null);
        };
    }

    private static void refuseUnsendable(ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        Guards.refuseUnsendable(piece);
        for (var parameter : settings.parameters().entrySet()) {
            try {
                Guards.refuseUnsendable(new ScriptPiece(parameter.getValue(), 0));
            } catch (ConsoleFailure f) {
                throw new ConsoleFailure(f.reason(), "The value of " + parameter.getKey() + ": " + f.getMessage(), -1, "", null);
            }
        }
    }

    /**
     * What the editor offers at the caret (SQL: the catalog's schemas, tables and columns, read
     * once through the captured pool and again after DDL; HQL and Cypher: keywords). Blocking the
     * first time and after DDL; call off the FX thread. Any thread (not the console's lane: a run
     * holding the lane must not delay completion).
     */
    public org.persistenceexplorer.domain.console.Completion.Offer complete(ConsoleMode mode, String text, int caret)
            throws java.sql.SQLException {
        org.persistenceexplorer.domain.console.CatalogNames names = mode == ConsoleMode.SQL ? sql.catalog().names()
                : org.persistenceexplorer.domain.console.CatalogNames.EMPTY;
        return org.persistenceexplorer.domain.console.Completion.at(text, caret, mode, names);
    }

    /** The next page of the open SQL result (an empty, finished page when none is open). */
    public ConsoleResult.Rows fetchMore() throws ConsoleFailure {
        return sql.fetchMore();
    }

    public boolean hasMoreRows() {
        return sql.hasOpenCursor();
    }

    /** Gives back the connection of an open SQL result. Idempotent; call on the console's lane. */
    public void closeResults() {
        sql.close();
    }

    @Override
    public void close() {
        sql.close();
        cypher.close();
    }
}
