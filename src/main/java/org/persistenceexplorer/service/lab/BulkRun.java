package org.persistenceexplorer.service.lab;

import java.util.List;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * One way of raising every lab employee's salary by 5 %, measured. Immutable.
 *
 * @param way          how ("ORM, one UPDATE per row", ...)
 * @param rows         employees whose salary was raised
 * @param statements   every statement in order (a JDBC batch is one statement of many executions)
 * @param executions   UPDATE executions the server ran
 * @param roundTrips   UPDATE statements sent (a batch is one round trip)
 * @param wallNanos    time from the first statement to the rollback
 * @param stale        what the session still believed afterwards, or "" (only the bulk update leaves it stale)
 */
public record BulkRun(String way, long rows, List<LabStatement> statements, long executions, long roundTrips,
                      long wallNanos, String stale) {

    public BulkRun {
        statements = List.copyOf(statements);
    }

    public long selects() {
        return statements.stream().filter(s -> s.kind() == StatementKind.SELECT).count();
    }

    public double wallMillis() {
        return wallNanos / 1_000_000.0;
    }
}
