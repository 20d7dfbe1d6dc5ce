package org.persistenceexplorer.store.graph;

import org.persistenceexplorer.domain.graph.GraphResult;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.capture.WorkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops running Cypher statements on the server. Every statement the gateway runs carries a
 * unique id in its transaction metadata; cancelling looks the transaction up by that id with
 * {@code SHOW TRANSACTIONS} and ends it with {@code TERMINATE TRANSACTIONS} in one statement on
 * a separate session. The server rolls the transaction back and the waiting caller gets a
 * "terminated" error. Works on Community Edition, and on external servers for the user's own
 * transactions.
 *
 * <p>Cancel hooks may run on the FX thread, so {@link Handle#request()} only hands the work to a
 * daemon thread here. The transaction may not have reached the server yet when the cancel
 * arrives (the driver sends BEGIN with the first statement), so the lookup repeats until the
 * transaction is found and terminated or the statement has finished. The lookups of one cancel
 * are recorded as one statement whose batch size is the number of times it was sent (each
 * failed lookup as a statement of its own), so the log shows one line per cancel and the
 * counters still count every statement the server ran. Thread-safe.
 */
final class TransactionTerminator implements AutoCloseable {

    /** Transaction metadata key holding the statement's id. */
    static final String ID_KEY = "peStatementId";
    /** Transaction metadata key holding the action label, so SHOW TRANSACTIONS says what runs. */
    static final String ACTION_KEY = "peAction";
    static final String TERMINATE = "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData." + ID_KEY
            + " = $id TERMINATE TRANSACTIONS id YIELD transactionId, message RETURN transactionId, message";

    private static final Logger LOG = LoggerFactory.getLogger(TransactionTerminator.class);
    private static final long RETRY_MILLIS = 100;
    private static final long GIVE_UP_MILLIS = 60_000;
    private static final int MAX_FAILURES = 3;

    private final GraphGateway gateway;
    private final StatementRecorder recorder;
    private final ExecutorService threads;
    private final AtomicLong sent = new AtomicLong();

    TransactionTerminator(GraphGateway gateway, StatementRecorder recorder) {
        this.gateway = gateway;
        this.recorder = recorder;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "pe-neo4j-cancel-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Handle handle(String statementId, String action) {
        return new Handle(statementId, action);
    }

    /** Statements sent to the server so far, every lookup counted. */
    long statementsSent() {
        return sent.get();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** The way to stop one running statement. */
    final class Handle {
        private final String statementId;
        private final String action;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();

        private Handle(String statementId, String action) {
            this.statementId = statementId;
            this.action = action;
        }

        /** Asks for the statement to be stopped; returns at once. Idempotent. */
        void request() {
            if (!requested.compareAndSet(false, true)) {
                return;
            }
            try {
                threads.execute(this::terminateUntilDone);
            } catch (RejectedExecutionException e) {
                LOG.debug("gateway closed; nothing left to terminate");
            }
        }

        boolean requested() {
            return requested.get();
        }

        /** The statement has finished (either way): stop looking for it. */
        void finish() {
            finished.set(true);
        }

        private void terminateUntilDone() {
            long giveUpAt = System.currentTimeMillis() + GIVE_UP_MILLIS;
            Map<String, Object> parameters = Map.of("id", statementId);
            Lookups lookups = new Lookups();
            int failures = 0;
            try (WorkContext.Scope ignored = WorkContext.enter("cancel: " + action, null)) {
                try {
                    while (!finished.get() && System.currentTimeMillis() < giveUpAt) {
                        GraphGateway.Attempt attempt = gateway.runUnrecorded(TERMINATE, parameters);
                        sent.incrementAndGet();
                        if (attempt.failure() == null) {
                            lookups.add(attempt.result());
                            if (!attempt.result().rows().isEmpty()) {
                                LOG.debug("terminated {}: {}", statementId, attempt.result().rows());
                                return;
                            }
                        } else {
                            // A failure is its own record, so the log's error count stays exact.
                            recorder.record(Engine.NEO4J, StatementKind.CYPHER_WRITE, TERMINATE,
                                    GraphGateway.display(parameters), attempt.durationNanos(), -1, 1,
                                    attempt.failure().getMessage());
                            if (++failures >= MAX_FAILURES) {
                                LOG.warn("Could not terminate the running Neo4j statement ({}); it stops at its time limit: {}",
                                        action, attempt.failure().getMessage());
                                return;
                            }
                        }
                        Thread.sleep(RETRY_MILLIS);
                    }
                } finally {
                    lookups.record(parameters);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The lookups of one cancel that ran without error, recorded as one statement: one line in
     * the log however many times it took, and a batch size equal to the times it was sent so
     * the counters still count every execution. Used by one cancel thread.
     */
    private final class Lookups {
        private int times;
        private long durationNanos;
        private GraphResult last;

        void add(GraphResult result) {
            times++;
            durationNanos += result.durationNanos();
            last = result;
        }

        void record(Map<String, Object> parameters) {
            if (times > 0) {
                recorder.record(Engine.NEO4J, last.kind(), TERMINATE, GraphGateway.display(parameters), durationNanos,
                        GraphGateway.rows(last), times, null);
            }
        }
    }
}
