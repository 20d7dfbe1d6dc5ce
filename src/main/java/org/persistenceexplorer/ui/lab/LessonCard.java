package org.persistenceexplorer.ui.lab;

import java.util.List;
import java.util.Locale;
import org.persistenceexplorer.service.lab.BulkRun;
import org.persistenceexplorer.service.lab.CacheRun;
import org.persistenceexplorer.service.lab.LabStatement;

/**
 * A card of the bulk or the cache lesson: a big number with its unit, a few lines, an optional
 * warning and the statements' SQL. Immutable.
 */
record LessonCard(String id, String title, long number, String unit, List<String> lines, String warning, String sql) {

    LessonCard {
        lines = List.copyOf(lines);
    }

    static LessonCard of(BulkRun run, int index) {
        return new LessonCard("bulk-" + index, run.way(), run.executions(), "UPDATE executions",
                List.of(String.format(Locale.ROOT, "%,d round trips (UPDATE statements sent)", run.roundTrips()),
                        String.format(Locale.ROOT, "%,d salaries raised", run.rows()),
                        String.format(Locale.ROOT, "+ %d SELECT, + BEGIN / ROLLBACK", run.selects()),
                        String.format(Locale.ROOT, "%,.1f ms wall", run.wallMillis())),
                run.stale(), sql(run.statements()));
    }

    static LessonCard of(CacheRun run, int index) {
        return new LessonCard("cache-" + index, run.label(), run.nonTransactionStatements(),
                run.nonTransactionStatements() == 1 ? "statement" : "statements",
                List.of(String.format(Locale.ROOT, "cache hits %,d · misses %,d · puts %,d", run.hits(), run.misses(), run.puts()),
                        String.format(Locale.ROOT, "%,d employees counted (same answer)", run.employees()),
                        String.format(Locale.ROOT, "%,.1f ms wall", run.wallMillis())),
                index == 2 ? "The bulk UPDATE went through Hibernate, which emptied the employee regions (it cannot "
                        + "tell which rows changed), so these rows came from the server again." : run.note(),
                sql(run.statements()));
    }

    private static String sql(List<LabStatement> statements) {
        java.util.Map<String, Long> shapes = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> first = new java.util.LinkedHashMap<>();
        for (LabStatement s : statements) {
            if (s.kind() == org.persistenceexplorer.domain.statement.StatementKind.TX) {
                continue;
            }
            String shape = org.persistenceexplorer.domain.statement.QueryShape.of(s.text());
            shapes.merge(shape, 1L, Long::sum);
            first.putIfAbsent(shape, s.text());
        }
        if (first.isEmpty()) {
            return "(no statement reached the server)";
        }
        StringBuilder text = new StringBuilder();
        first.forEach((shape, sql) -> text.append(shapes.get(shape) > 1 ? shapes.get(shape) + " × " : "").append(sql).append("\n\n"));
        return text.toString().strip();
    }
}
