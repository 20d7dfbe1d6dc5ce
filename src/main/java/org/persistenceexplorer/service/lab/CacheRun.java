package org.persistenceexplorer.service.lab;

import java.util.List;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * One read of the second-level cache lesson, measured. Immutable.
 *
 * @param label      "Cold cache: first read", ...
 * @param action     the log's action label
 * @param statements what reached the server (none, when everything came from the cache)
 * @param employees  employees counted (the same every read: the cache never changes the answer)
 * @param wallNanos  time of the read
 * @param hits       second-level cache hits during the read
 * @param misses     misses
 * @param puts       entries put
 * @param note       what the read shows beyond its numbers (a stale entity, what an eviction did), or ""
 */
public record CacheRun(String label, String action, List<LabStatement> statements, long employees, long wallNanos,
                       long hits, long misses, long puts, String note) {

    public CacheRun {
        statements = List.copyOf(statements);
    }

    CacheRun withNote(String text) {
        return new CacheRun(label, action, statements, employees, wallNanos, hits, misses, puts, text);
    }

    public long selects() {
        return statements.stream().filter(s -> s.kind() == StatementKind.SELECT).count();
    }

    /** Every statement but BEGIN / COMMIT. */
    public long nonTransactionStatements() {
        return statements.stream().filter(s -> s.kind() != StatementKind.TX).count();
    }

    public double wallMillis() {
        return wallNanos / 1_000_000.0;
    }
}
