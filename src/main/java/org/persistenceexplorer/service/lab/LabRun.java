package org.persistenceexplorer.service.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.persistenceexplorer.domain.statement.QueryShape;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * The outcome of one strategy on one scenario: what it cost, measured, and what it should have
 * cost by the formula. Immutable.
 *
 * @param scenario         what was loaded
 * @param strategy         how
 * @param parents          N, the owners loaded
 * @param batchSize        k (used by {@link Strategy#BATCH} only)
 * @param action           the log's action label of the run's statements
 * @param statements       every statement of the run in order, BEGIN / COMMIT included
 * @param entitiesLoaded   entities the session held at the end (what the run materialised)
 * @param wallNanos        time from the first query to the last read
 * @param allocatedBytes   heap the run's thread allocated
 * @param simulatedDelayMs the simulated round trip added per statement (0: none)
 * @param error            what went wrong, in plain words, or null (a LazyInitializationException is expected)
 * @param unusedEagerLoads associations loaded eagerly that the code never read, e.g. "Department.employees x100"
 */
public record LabRun(Scenario scenario, Strategy strategy, int parents, int batchSize, String action,
                     List<LabStatement> statements, long entitiesLoaded, long wallNanos, long allocatedBytes,
                     int simulatedDelayMs, String error, List<String> unusedEagerLoads) {

    public LabRun {
        statements = List.copyOf(statements);
        unusedEagerLoads = List.copyOf(unusedEagerLoads);
    }

    /** SELECTs sent (the number the lesson is about; BEGIN / COMMIT are counted apart). */
    public long selects() {
        return count(StatementKind.SELECT);
    }

    /** Transaction statements (BEGIN, COMMIT, ROLLBACK). */
    public long transactionStatements() {
        return count(StatementKind.TX);
    }

    /** Rows the SELECTs returned, where the capture counted them (-1 rows are left out). */
    public long rowsRead() {
        return statements.stream().filter(s -> s.kind() == StatementKind.SELECT && s.rows() >= 0)
                .mapToLong(LabStatement::rows).sum();
    }

    /** What the formula says the strategy costs here. */
    public long expectedSelects() {
        return scenario.expectedSelects(strategy, parents, batchSize);
    }

    /** The SELECT shapes with how many times each ran, first seen first: the run's SQL at a glance. */
    public Map<String, Long> selectShapes() {
        Map<String, Long> shapes = new LinkedHashMap<>();
        for (LabStatement s : statements) {
            if (s.kind() == StatementKind.SELECT) {
                shapes.merge(QueryShape.of(s.text()), 1L, Long::sum);
            }
        }
        return shapes;
    }

    /** One SQL example per shape (the first statement of it), in the order first seen. */
    public List<LabStatement> firstOfEachShape() {
        Map<String, LabStatement> first = new LinkedHashMap<>();
        for (LabStatement s : statements) {
            if (s.kind() == StatementKind.SELECT) {
                first.putIfAbsent(QueryShape.of(s.text()), s);
            }
        }
        return List.copyOf(first.values());
    }

    public double wallMillis() {
        return wallNanos / 1_000_000.0;
    }

    private long count(StatementKind kind) {
        return statements.stream().filter(s -> s.kind() == kind).count();
    }
}
