package org.persistenceexplorer.store.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.persistenceexplorer.domain.graph.GraphPlan;

/** The driver's plan of an EXPLAIN / PROFILE as a {@link GraphPlan}, so no driver type leaves the store. */
final class PlainPlans {

    private PlainPlans() {
    }

    static GraphPlan of(Plan plan) {
        Map<String, String> arguments = new LinkedHashMap<>();
        plan.arguments().forEach((name, value) -> arguments.put(name, value == null || value.isNull() ? "" : text(value.asObject())));
        List<GraphPlan> children = plan.children().stream().map(PlainPlans::of).toList();
        long rows = plan instanceof ProfiledPlan profiled ? profiled.records() : -1;
        long hits = plan instanceof ProfiledPlan profiled ? profiled.dbHits() : -1;
        return new GraphPlan(plan.operatorType(), List.copyOf(plan.identifiers()), arguments, rows, hits, children);
    }

    private static String text(Object value) {
        return value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
