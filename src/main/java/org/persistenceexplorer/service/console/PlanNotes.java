package org.persistenceexplorer.service.console;

import java.util.List;
import java.util.Locale;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.domain.statement.StatementKind;

/** The few lines under a plan tree that tell a learner where to look first. Stateless. */
final class PlanNotes {

    private PlanNotes() {
    }

    /** @param times planning and execution time in ms (-1 when not reported) */
    static String of(PlanNode root, boolean analyze, StatementKind kind, double[] times) {
        StringBuilder note = new StringBuilder();
        if (!analyze) {
            note.append("Planned only: nothing ran. EXPLAIN ANALYZE runs the statement and adds actual rows and times.");
        } else if (kind != StatementKind.SELECT) {
            note.append("EXPLAIN ANALYZE really ran this ").append(kind.label())
                    .append(", in a transaction that was then rolled back: nothing changed.");
        } else {
            note.append("Measured by running the query");
            if (times[1] >= 0) {
                note.append(String.format(Locale.ROOT, ": planning %.2f ms, execution %.2f ms", times[0], times[1]));
            }
            note.append('.');
        }
        root.flatten().stream().filter(PlanNode::slowest).findFirst().ifPresent(slow -> note.append("\nSlowest step: ")
                .append(describe(slow)).append(String.format(Locale.ROOT, ", %.2f ms of its own.", slow.selfMillis())));
        List<PlanNode> off = root.flatten().stream().filter(PlanNode::estimateOff).toList();
        for (PlanNode node : off.subList(0, Math.min(3, off.size()))) {
            note.append(String.format(Locale.ROOT, "\nEstimate off more than 10x at %s: planned %.0f rows, got %.0f. "
                    + "Stale statistics? ANALYZE the table, or the condition is hard to estimate.",
                    describe(node), node.estimatedRows(), node.actualRows()));
        }
        return note.toString();
    }

    private static String describe(PlanNode node) {
        return node.relation().isEmpty() ? node.operator() : node.operator() + " on " + node.relation();
    }
}
