package org.persistenceexplorer.domain.console;

import java.util.List;

/**
 * What running one statement in the console produced: its results (one tab each), how long it
 * took, and for HQL the SQL Hibernate sent for it. Immutable.
 *
 * @param statement    the statement as it was run
 * @param generatedSql the SQL statements the run sent, in order (HQL: what Hibernate generated); empty otherwise
 */
public record ConsoleRun(String statement, List<ConsoleResult> results, long elapsedNanos, List<String> generatedSql) {

    public ConsoleRun {
        results = List.copyOf(results);
        generatedSql = List.copyOf(generatedSql);
    }

    public ConsoleRun(String statement, List<ConsoleResult> results, long elapsedNanos) {
        this(statement, results, elapsedNanos, List.of());
    }
}
