package org.persistenceexplorer.service.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.persistenceexplorer.domain.console.PlanNode;

/**
 * Reads PostgreSQL's {@code EXPLAIN (FORMAT JSON)} output into a {@link PlanNode} tree: node
 * type, relation, index, estimated and actual rows, loops, cost and time, plus what a learner
 * should look at first: the node with the most time of its own (its time minus its children's,
 * over all loops) and nodes whose row estimate is more than 10x off. Stateless; thread-safe.
 */
public final class PostgresPlans {

    /** An estimate this many times too high or too low is worth a hint. */
    public static final double ESTIMATE_OFF_FACTOR = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresPlans() {
    }

    /** The plan tree of one EXPLAIN's JSON text; the slowest node is marked when times were measured. */
    public static PlanNode parse(String json) {
        try {
            JsonNode top = JSON.readTree(json);
            JsonNode plan = (top.isArray() ? top.get(0) : top).get("Plan");
            if (plan == null) {
                throw new IllegalArgumentException("no \"Plan\" in the EXPLAIN output");
            }
            return markSlowest(node(plan));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("EXPLAIN output is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The planning and execution times of the JSON (ms), or -1 each when not reported. */
    public static double[] times(String json) {
        try {
            JsonNode top = JSON.readTree(json);
            JsonNode first = top.isArray() ? top.get(0) : top;
            return new double[] {number(first, "Planning Time"), number(first, "Execution Time")};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new double[] {-1, -1};
        }
    }

    private static PlanNode node(JsonNode n) {
        List<PlanNode> children = new ArrayList<>();
        JsonNode plans = n.get("Plans");
        if (plans != null) {
            plans.forEach(child -> children.add(node(child)));
        }
        double estimated = number(n, "Plan Rows");
        double actual = number(n, "Actual Rows");
        long loops = (long) number(n, "Actual Loops");
        double total = number(n, "Actual Total Time");
        double self = -1;
        if (total >= 0) {
            double all = total * Math.max(1, loops);
            for (PlanNode child : children) {
                if (child.actualMillis() >= 0) {
                    all -= child.actualMillis() * Math.max(1, child.loops());
                }
            }
            self = Math.max(0, all);
        }
        boolean off = actual >= 0 && estimated >= 0 && loops != 0
                && Math.max(estimated, 1) / Math.max(actual, 1) > ESTIMATE_OFF_FACTOR
                || actual >= 0 && estimated >= 0 && Math.max(actual, 1) / Math.max(estimated, 1) > ESTIMATE_OFF_FACTOR;
        return new PlanNode(operator(n), relation(n), text(n, "Index Name"), estimated, actual, loops,
                number(n, "Total Cost"), total, self, -1, false, off, children);
    }

    private static String operator(JsonNode n) {
        String type = text(n, "Node Type");
        String strategy = text(n, "Strategy");
        String join = text(n, "Join Type");
        String parent = text(n, "Parent Relationship");
        String subplan = text(n, "Subplan Name");
        StringBuilder name = new StringBuilder(type);
        if (!join.isEmpty() && !type.contains(join)) {
            name.append(" (").append(join).append(')');
        } else if (!strategy.isEmpty() && !strategy.equals("Plain")) {
            name.append(" (").append(strategy).append(')');
        }
        if (!subplan.isEmpty()) {
            name.append(" [").append(subplan).append(']');
        } else if (parent.equals("InitPlan") || parent.equals("SubPlan")) {
            name.append(" [").append(parent).append(']');
        }
        return name.toString();
    }

    private static String relation(JsonNode n) {
        String relation = text(n, "Relation Name");
        String alias = text(n, "Alias");
        String cte = text(n, "CTE Name");
        String named = !relation.isEmpty() ? relation + (alias.isEmpty() || alias.equals(relation) ? "" : " " + alias)
                : !cte.isEmpty() ? cte : "";
        String condition = firstOf(n, "Index Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter", "Recheck Cond");
        return named.isEmpty() ? condition : condition.isEmpty() ? named : named + " — " + condition;
    }

    private static String firstOf(JsonNode n, String... keys) {
        for (String key : keys) {
            String value = text(n, key);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    /** Marks the one node with the most time of its own; a plan without times stays unmarked. */
    static PlanNode markSlowest(PlanNode root) {
        PlanNode slowest = root.flatten().stream().filter(p -> p.selfMillis() >= 0)
                .max(Comparator.comparingDouble(PlanNode::selfMillis)).orElse(null);
        return slowest == null ? root : mark(root, slowest);
    }

    private static PlanNode mark(PlanNode node, PlanNode slowest) {
        List<PlanNode> children = node.children().stream().map(c -> mark(c, slowest)).toList();
        return node.withChildren(children).withSlowest(node == slowest);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || !v.isNumber() ? -1 : v.asDouble();
    }
}
