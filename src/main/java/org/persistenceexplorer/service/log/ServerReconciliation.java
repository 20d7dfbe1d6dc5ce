package org.persistenceexplorer.service.log;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.QueryShape;
import org.persistenceexplorer.domain.statement.Reconciliation;
import org.persistenceexplorer.domain.statement.ServerStatementReading;

/**
 * The live proof that the statement log is exact: the log's successful PostgreSQL executions
 * beside what the server itself counted (pg_stat_statements) over the same window. The window
 * starts when the app starts (the server side is marked before the pool's first connection) and
 * again after each {@link StatementLog#reset()}: the next check then resets the server's count too,
 * so "Clear + reset counters" clears both sides. The server is read on a connection of its own,
 * which neither side counts (see the store's ServerStatementCounts).
 *
 * <p>A comparison is only fair when no statement is between the server and the log (counted
 * there, not recorded here yet): while statements are in flight, or the log moved during the
 * read, the check answers {@link Reconciliation.State#BUSY} and the caller keeps the last answer.
 * Where the counts differ, the answer names the statement shapes that differ and the other
 * clients on the database.
 *
 * <p>Blocking: call off the FX thread, one call at a time (it is synchronized).
 */
public final class ServerReconciliation {

    private static final int SHOWN_SHAPES = 6;
    private static final int SHAPE_LENGTH = 90;

    private final StatementLog log;
    private final ServerCounter server;
    private final IntSupplier inFlight;
    private StatementLog.Position mark;
    /** Set when statements ran on another server (a connection Test): start the window again. */
    private volatile boolean restart;

    /**
     * @param inFlight statements sent and not yet recorded (the recorder's count)
     */
    public ServerReconciliation(StatementLog log, ServerCounter server, IntSupplier inFlight) {
        this.log = log;
        this.server = server;
        this.inFlight = inFlight;
        this.mark = log.position();
    }

    /**
     * Statements ran on a server that is not the one compared (the Connect dialog's Test of
     * another server): the log counted them and this server never will, so the next check starts
     * the window again, as after a Clear.
     */
    public void restartWindow() {
        restart = true;
    }

    /** Compares the two counts now. */
    public synchronized Reconciliation check() {
        StatementLog.Position before = log.position();
        if (before.resets() != mark.resets() || restart) {
            // The server's window starts only when no statement is between the server and the
            // log: one counted there before the reset but recorded here after the mark would
            // stay a difference of one until the next Clear. Otherwise: busy, and again next check.
            if (inFlight.getAsInt() > 0) {
                return Reconciliation.busy();
            }
            server.reset();
            StatementLog.Position afterReset = log.position();
            if (inFlight.getAsInt() > 0 || afterReset.sqlExecutions() != before.sqlExecutions()) {
                return Reconciliation.busy();
            }
            before = afterReset;
            mark = before;
            restart = false;
        }
        int flyingBefore = inFlight.getAsInt();
        ServerStatementReading reading = server.read(false);
        StatementLog.Position after = log.position();
        if (!reading.available()) {
            return Reconciliation.without(Reconciliation.State.UNAVAILABLE, reading.reason());
        }
        if (reading.countsLost()) {
            return Reconciliation.without(Reconciliation.State.COUNTS_LOST, reading.reason());
        }
        if (flyingBefore > 0 || inFlight.getAsInt() > 0 || after.sqlExecutions() != before.sqlExecutions()) {
            return Reconciliation.busy();
        }
        long captured = after.sqlExecutions() - mark.sqlExecutions();
        if (captured == reading.calls()) {
            return new Reconciliation(Reconciliation.State.EQUAL, captured, reading.calls(), List.of(), List.of(), "");
        }
        ServerStatementReading detail = server.read(true);
        return new Reconciliation(Reconciliation.State.DIFFERENT, captured, reading.calls(),
                unexplained(detail.shapes(), capturedShapes()), detail.otherClients(), "");
    }

    private Map<String, Long> capturedShapes() {
        Map<String, Long> shapes = new HashMap<>();
        for (CapturedStatement statement : log.readFrom(mark.cursor()).statements()) {
            if (statement.engine() == Engine.POSTGRESQL && statement.succeeded()) {
                shapes.merge(QueryShape.of(statement.text()), (long) statement.executions(), Long::sum);
            }
        }
        return shapes;
    }

    /** "3 more on the server: select ?" lines, largest difference first. */
    static List<String> unexplained(Map<String, Long> serverShapes, Map<String, Long> logShapes) {
        Set<String> all = new HashSet<>(serverShapes.keySet());
        all.addAll(logShapes.keySet());
        List<Map.Entry<String, Long>> differences = new ArrayList<>();
        for (String shape : all) {
            long difference = serverShapes.getOrDefault(shape, 0L) - logShapes.getOrDefault(shape, 0L);
            if (difference != 0) {
                differences.add(Map.entry(shape, difference));
            }
        }
        differences.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : differences.subList(0, Math.min(SHOWN_SHAPES, differences.size()))) {
            String shape = e.getKey().length() <= SHAPE_LENGTH ? e.getKey() : e.getKey().substring(0, SHAPE_LENGTH - 1) + "…";
            lines.add(numbers.format(Math.abs(e.getValue())) + (e.getValue() > 0 ? " more on the server: " : " more in the log: ")
                    + shape);
        }
        if (differences.size() > SHOWN_SHAPES) {
            lines.add("… and " + (differences.size() - SHOWN_SHAPES) + " more shapes");
        }
        return lines;
    }
}
