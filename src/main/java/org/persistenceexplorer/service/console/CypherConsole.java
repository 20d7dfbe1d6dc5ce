package org.persistenceexplorer.service.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.persistenceexplorer.domain.console.Column;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.NamedParameters;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.domain.graph.GraphAnswer;
import org.persistenceexplorer.domain.graph.GraphPlan;
import org.persistenceexplorer.domain.graph.GraphResult;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.graph.GraphQueryCancelledException;
import org.persistenceexplorer.store.graph.GraphQueryException;

/**
 * The console's Cypher mode: one statement through the captured Bolt gateway, at most
 * {@link #MAX_ROWS} rows read (the rest discarded by the driver, never held), nodes,
 * relationships and paths shown in Cypher notation, and EXPLAIN / PROFILE as a plan tree with
 * rows and db hits. The run's time limit and Cancel both terminate the transaction on the server.
 *
 * <p>Blocking; call off the FX thread, one call at a time (the console's lane).
 */
public final class CypherConsole implements AutoCloseable {

    public static final int MAX_ROWS = 5000;
    private static final Pattern WRITES = Pattern.compile(
            "(?i)\\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\\s+CSV)\\b");
    private static final Pattern FILE_URL = Pattern.compile("(?i)\\bLOAD\\s+CSV\\b.*\\bFROM\\s+['\"]\\s*file:");
    private static final Pattern OFFSET = Pattern.compile("\\(offset: (\\d+)\\)");
    private static final Pattern PLANNED = Pattern.compile("(?is)^\\s*(EXPLAIN|PROFILE)\\b");

    private final GraphQueries graph;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pe-console-cypher-timeout");
        t.setDaemon(true);
        return t;
    });

    public CypherConsole(GraphQueries graph) {
        this.graph = graph;
    }

    public ConsoleRun run(ScriptPiece piece, RunSettings settings) throws ConsoleFailure {
        String cypher = piece.text();
        if (FILE_URL.matcher(cypher).find()) {
            throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "LOAD CSV from a file: URL would read files of this "
                    + "computer; the console does not send it.", piece.start(), "", null);
        }
        boolean writes = WRITES.matcher(withoutStrings(cypher)).find();
        if (writes && settings.readOnly() && !settings.writeConfirmed()) {
            throw new ConsoleFailure(ConsoleFailure.Reason.NEEDS_CONFIRMATION, "This statement writes to the graph on an "
                    + "external server, where the console is read-only. Run it anyway?", piece.start(), "", null);
        }
        Map<String, Object> parameters = new HashMap<>();
        for (String name : NamedParameters.names(cypher, ConsoleMode.CYPHER)) {
            String value = settings.parameters().get(name);
            if (value == null) {
                throw new ConsoleFailure(ConsoleFailure.Reason.REFUSED, "The statement uses $" + name
                        + " but the parameters panel has no value for it.", -1, "", null);
            }
            parameters.put(name, HqlValues.parse(value));
        }
        boolean write = !settings.readOnly() || settings.writeConfirmed();
        AtomicBoolean timedOut = new AtomicBoolean();
        CancelHooks hooks = WorkContext.currentHooks();
        ScheduledFuture<?> limit = settings.timeoutSeconds() > 0 && hooks != null
                ? timer.schedule(() -> {
                    timedOut.set(true);
                    hooks.cancel();
                }, settings.timeoutSeconds(), TimeUnit.SECONDS)
                : null;
        long started = System.nanoTime();
        try {
            GraphAnswer answer = graph.query(cypher, parameters, write, MAX_ROWS);
            return new ConsoleRun(cypher, results(answer, PLANNED.matcher(cypher).find()), System.nanoTime() - started);
        } catch (GraphQueryCancelledException e) {
            throw timedOut.get()
                    ? new ConsoleFailure(ConsoleFailure.Reason.TIMEOUT, "Stopped on the server: it ran longer than the time "
                            + "limit of " + settings.timeoutSeconds() + " s.", -1, e.code(), e)
                    : new ConsoleFailure(ConsoleFailure.Reason.CANCELLED, e.getMessage(), -1, e.code(), e);
        } catch (GraphQueryException e) {
            Matcher offset = OFFSET.matcher(e.getMessage());
            int at = offset.find() ? piece.start() + Math.min(cypher.length(), Integer.parseInt(offset.group(1))) : -1;
            throw new ConsoleFailure(ConsoleFailure.Reason.ERROR, e.getMessage(), at, e.code(), e);
        } catch (RuntimeException e) {
            throw new ConsoleFailure(ConsoleFailure.Reason.ERROR, Guards.firstLine(e), -1, "", e);
        } finally {
            if (limit != null) {
                limit.cancel(false);
            }
        }
    }

    private static List<ConsoleResult> results(GraphAnswer answer, boolean planned) {
        GraphResult result = answer.result();
        List<ConsoleResult> results = new ArrayList<>();
        if (!result.columns().isEmpty()) {
            List<Column> columns = result.columns().stream().map(c -> new Column(c, "")).toList();
            List<List<String>> rows = new ArrayList<>(result.rows().size());
            for (Map<String, Object> row : result.rows()) {
                List<String> cells = new ArrayList<>(columns.size());
                result.columns().forEach(c -> cells.add(GraphText.of(row.get(c))));
                rows.add(cells);
            }
            results.add(new ConsoleResult.Rows("Result", columns, rows, false, answer.truncated()
                    ? "Showing the first " + MAX_ROWS + " rows; the rest were discarded unread. Add a LIMIT." : ""));
        }
        GraphResult.Counters counters = result.counters();
        if (counters.total() > 0) {
            results.add(new ConsoleResult.Updated("Changes", changes(counters), counters.total()));
        }
        if (answer.plan() != null) {
            PlanNode root = markMostHits(plan(answer.plan()));
            boolean profiled = answer.plan().dbHits() >= 0;
            String note = profiled
                    ? "PROFILE ran the statement: rows and db hits are what each operator really did."
                    : "EXPLAIN only planned the statement: nothing ran. PROFILE runs it and counts rows and db hits.";
            PlanNode busiest = root.flatten().stream().filter(PlanNode::slowest).findFirst().orElse(null);
            if (busiest != null) {
                note += "\nMost work: " + busiest.operator() + " with " + busiest.dbHits() + " db hits.";
            }
            results.add(new ConsoleResult.Plan(profiled ? "PROFILE" : "EXPLAIN", root, note));
        } else if (planned) {
            results.add(new ConsoleResult.Message("Plan", "The server returned no plan."));
        }
        if (results.isEmpty()) {
            results.add(new ConsoleResult.Message("Result", "Done: no rows and no changes."));
        }
        return results;
    }

    private static String changes(GraphResult.Counters c) {
        List<String> parts = new ArrayList<>();
        add(parts, c.nodesCreated(), "nodes created");
        add(parts, c.nodesDeleted(), "nodes deleted");
        add(parts, c.relationshipsCreated(), "relationships created");
        add(parts, c.relationshipsDeleted(), "relationships deleted");
        add(parts, c.propertiesSet(), "properties set");
        add(parts, c.labelsAdded(), "labels added");
        add(parts, c.labelsRemoved(), "labels removed");
        add(parts, c.indexesAdded() + c.constraintsAdded(), "indexes / constraints added");
        add(parts, c.indexesRemoved() + c.constraintsRemoved(), "indexes / constraints removed");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    private static PlanNode plan(GraphPlan plan) {
        double estimated = number(plan.arguments().get("EstimatedRows"));
        String details = plan.arguments().getOrDefault("Details", String.join(", ", plan.identifiers()));
        double actual = plan.rows();
        boolean off = actual >= 0 && estimated >= 0
                && Math.max(estimated, 1) / Math.max(actual, 1) > PostgresPlans.ESTIMATE_OFF_FACTOR
                || actual >= 0 && estimated >= 0 && Math.max(actual, 1) / Math.max(estimated, 1) > PostgresPlans.ESTIMATE_OFF_FACTOR;
        String operator = plan.operator().replaceFirst("@.*$", "");
        return new PlanNode(operator, details, "", estimated, actual, -1, -1, -1, -1, plan.dbHits(), false, off,
                plan.children().stream().map(CypherConsole::plan).toList());
    }

    private static PlanNode markMostHits(PlanNode root) {
        PlanNode busiest = root.flatten().stream().filter(p -> p.dbHits() > 0)
                .max(Comparator.comparingLong(PlanNode::dbHits)).orElse(null);
        return busiest == null ? root : mark(root, busiest);
    }

    private static PlanNode mark(PlanNode node, PlanNode busiest) {
        return node.withChildren(node.children().stream().map(c -> mark(c, busiest)).toList()).withSlowest(node == busiest);
    }

    private static double number(String text) {
        try {
            return text == null ? -1 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String withoutStrings(String cypher) {
        // Possessive, repeating only at an escape: a 200,000-character literal must not overflow the stack.
        return cypher.replaceAll("'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+'|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|`[^`]*+`|//[^\n]*+", "''");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
