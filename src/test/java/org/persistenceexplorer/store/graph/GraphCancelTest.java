package org.persistenceexplorer.store.graph;

import org.persistenceexplorer.domain.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.store.capture.CancelHooks;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.store.engine.EngineStartException;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.RecordedStatements;
import org.persistenceexplorer.testsupport.TestEngines;

class GraphCancelTest {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    /** Counts to ten billion: minutes of work for the server unless something stops it. */
    private static final String ENDLESS = "UNWIND range(1, 10000000000) AS x RETURN count(x) AS n";

    private final GraphGateway graph = TestEngines.graph().gateway();
    private RecordedStatements recorded;

    @BeforeEach
    void listen() {
        recorded = RecordedStatements.listen(TestEngines.graph().recorder(), "test: cancel");
    }

    @AfterEach
    void stopListening() {
        recorded.close();
    }

    @Test
    void cancelStopsTheRunningStatementOnTheServer() throws Exception {
        CancelHooks hooks = new CancelHooks();
        CompletableFuture<GraphResult> running = runInBackground(graph, hooks);
        awaitServerLists(recorded.action());

        long cancelled = System.nanoTime();
        hooks.cancel();

        ExecutionException failure = awaitFailure(running);
        long stoppedMillis = (System.nanoTime() - cancelled) / 1_000_000;
        assertThat(failure.getCause()).isInstanceOf(GraphQueryCancelledException.class)
                .hasMessageStartingWith("Cancelled: the statement was stopped on the server.");
        assertThat(runningOnServer(recorded.action())).as("the server no longer lists the transaction").isZero();
        System.out.println("cancel -> caller saw the failure after " + stoppedMillis + " ms");

        assertThat(recorded.matching(s -> s.text().equals(ENDLESS))).singleElement().satisfies(s -> {
            assertThat(s.error()).startsWith("Cancelled");
            assertThat(s.action()).isEqualTo(recorded.action());
        });
        assertThat(awaitTerminateRecords())
                .as("the terminating statement is in the log too, under its own action, once")
                .singleElement().satisfies(s -> assertThat(s.text()).startsWith("SHOW TRANSACTIONS"));
    }

    @Test
    void lookupsRepeatedUntilTheStatementFinishesAreOneRecordCountingEachLookup() {
        try (TransactionTerminator terminator = new TransactionTerminator(graph, TestEngines.graph().recorder())) {
            // No transaction carries this id, so the terminator looks again every 100 ms.
            TransactionTerminator.Handle handle = terminator.handle("not-on-the-server", recorded.action());
            handle.request();
            Await.until(GIVE_UP, () -> terminator.statementsSent() >= 3, "the terminator looked three times");
            handle.finish();

            CapturedStatement lookups = awaitTerminateRecords().get(0);

            assertThat(recorded.matching(s -> s.action().equals("cancel: " + recorded.action())))
                    .as("one line per cancel").containsExactly(lookups);
            assertThat(lookups.succeeded()).isTrue();
            assertThat(lookups.executions()).as("counts every lookup sent").isEqualTo(terminator.statementsSent());
            assertThat(lookups.rows()).as("nothing was terminated").isZero();
        }
    }

    @Test
    void cancelRightAfterStartStillStopsTheStatement() throws Exception {
        CancelHooks hooks = new CancelHooks();
        CompletableFuture<GraphResult> running = runInBackground(graph, hooks);
        // Not a wait: cancelling 20 ms in is the case under test (the transaction may not be on the
        // server yet, so the terminator has to look again).
        Thread.sleep(20);

        hooks.cancel();

        assertThat(awaitFailure(running).getCause()).isInstanceOf(GraphQueryCancelledException.class);
        assertThat(runningOnServer(recorded.action())).isZero();
    }

    @Test
    void cancelledWorkSendsNoFurtherStatements() {
        CancelHooks hooks = new CancelHooks();
        hooks.cancel();

        try (WorkContext.Scope ignored = WorkContext.enter(recorded.action(), hooks)) {
            assertThatThrownBy(() -> graph.read("RETURN 1", Map.of()))
                    .isInstanceOf(GraphQueryCancelledException.class);
        }
        assertThat(recorded.all()).isEmpty();
    }

    @Test
    void statementTimeoutStopsARunawayStatement() throws EngineStartException {
        try (GraphGateway impatient = GraphGateway.connect(TestEngines.graph().server().endpoint(),
                TestEngines.graph().recorder(), Duration.ofSeconds(1));
             WorkContext.Scope ignored = WorkContext.enter(recorded.action())) {
            assertThatThrownBy(() -> impatient.read(ENDLESS, Map.of()))
                    .isInstanceOf(GraphQueryException.class)
                    .isNotInstanceOf(GraphQueryCancelledException.class)
                    .hasMessageStartingWith("The statement ran longer than its limit of 1 s");
        }
        assertThat(recorded.all()).singleElement().extracting(CapturedStatement::error).asString().contains("limit of 1 s");
    }

    private CompletableFuture<GraphResult> runInBackground(GraphGateway gateway, CancelHooks hooks) {
        String action = recorded.action();
        CompletableFuture<GraphResult> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try (WorkContext.Scope ignored = WorkContext.enter(action, hooks)) {
                result.complete(gateway.read(ENDLESS, Map.of()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "test-cancel-worker");
        worker.setDaemon(true);
        worker.start();
        return result;
    }

    private static ExecutionException awaitFailure(CompletableFuture<GraphResult> running) throws Exception {
        try {
            GraphResult result = running.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the statement to be stopped, but it returned " + result.rows());
        } catch (ExecutionException e) {
            return e;
        }
    }

    /** Waits until the server runs the statement of this action. */
    private void awaitServerLists(String action) {
        Await.until(GIVE_UP, () -> runningOnServer(action) > 0, "the statement shows up in SHOW TRANSACTIONS");
    }

    /** The cancel thread records its lookups once it is done, a moment after the caller's failure. */
    private List<CapturedStatement> awaitTerminateRecords() {
        String cancelAction = "cancel: " + recorded.action();
        Await.until(GIVE_UP, () -> !recorded.matching(s -> s.action().equals(cancelAction)).isEmpty(),
                "the TERMINATE lookups are recorded");
        return recorded.matching(s -> s.action().equals(cancelAction));
    }

    private long runningOnServer(String action) {
        try (WorkContext.Scope ignored = WorkContext.enter("test: look at transactions")) {
            return (Long) graph.read("SHOW TRANSACTIONS YIELD metaData WHERE metaData.peAction = $action RETURN count(*) AS n",
                    Map.of("action", action)).singleValue();
        }
    }
}
