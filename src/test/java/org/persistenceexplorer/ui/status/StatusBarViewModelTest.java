package org.persistenceexplorer.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.engine.PoolStatus;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.ui.common.RunningTask;

class StatusBarViewModelTest {

    private final StatementLog log = new StatementLog();
    private final InlineBackgroundRunner runner = InlineBackgroundRunner.deferred();
    private final AtomicReference<String> retryAnswer = new AtomicReference<>();
    private final AtomicReference<List<EngineStatus>> engines = new AtomicReference<>(List.of(
            new EngineStatus(Engine.POSTGRESQL, EngineStatus.State.UP, "localhost:5432/postgres", true, ""),
            new EngineStatus(Engine.NEO4J, EngineStatus.State.STARTING, "", true, "")));
    private final StatusBarViewModel model = new StatusBarViewModel(engines::get,
            () -> new PoolStatus(1, 2, 0, 3, 6), log, runner, progress -> retryAnswer.get());

    @Test
    void showsCountersPerKindAndThePool() {
        log.statementCaptured(statement(StatementKind.SELECT, 1, null));
        log.statementCaptured(statement(StatementKind.INSERT, 20, null));
        log.statementCaptured(statement(StatementKind.CYPHER_WRITE, 1, "constraint violated"));

        model.refresh();

        assertThat(model.totalProperty().get()).isEqualTo("22 statements · 1 failed");
        assertThat(model.perKindProperty().get()).isEqualTo("SELECT 1  INSERT 20  WRITE 1");
        assertThat(model.poolProperty().get()).isEqualTo("pool 1 active · 2 idle · 0 waiting");
        assertThat(model.uiThreadWarningProperty().get()).isEmpty();
    }

    @Test
    void describesEachEngineBrieflyAndFlagsFailures() {
        model.refresh();
        assertThat(model.engineStatuses()).extracting(StatusBarViewModel::describe)
                .containsExactly("PostgreSQL up · embedded :5432", "Neo4j starting · embedded");
        assertThat(model.anyFailedProperty().get()).isFalse();

        engines.set(List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.FAILED, "db.example.org:7687", false, "refused")));
        model.refresh();
        assertThat(model.engineStatuses()).extracting(StatusBarViewModel::describe)
                .containsExactly("Neo4j failed · db.example.org:7687");
        assertThat(model.anyFailedProperty().get()).isTrue();
    }

    @Test
    void aRetryThatFailsAtOnceSaysSoAndARetryThatWorksClearsTheMessage() {
        engines.set(List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.FAILED, "db.example.org:7687", false, "refused")));
        model.refresh();
        retryAnswer.set("Connecting to Neo4j: Neo4j at db.example.org:7687 is not reachable: refused");

        model.retry();
        assertThat(model.retryOutcomeProperty().get()).isEqualTo("Retrying…");
        assertThat(model.retryingProperty().get()).isTrue();
        model.retry(); // a second click while retrying starts nothing more
        assertThat(runner.runPending()).isEqualTo(1);
        assertThat(model.retryingProperty().get()).isFalse();
        assertThat(model.retryOutcomeProperty().get())
                .isEqualTo("Retry failed: Connecting to Neo4j: Neo4j at db.example.org:7687 is not reachable: refused");
        model.refresh();
        assertThat(model.retryOutcomeProperty().get()).as("kept while the engine is still failed").startsWith("Retry failed");

        retryAnswer.set(null);
        model.retry();
        runner.runPending();
        engines.set(List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "db.example.org:7687", false, "")));
        model.refresh();
        assertThat(model.retryOutcomeProperty().get()).isEmpty();
        assertThat(model.anyFailedProperty().get()).isFalse();
    }

    @Test
    void cancelStopsTheUsersBackgroundWorkButNotStartup() {
        java.util.concurrent.atomic.AtomicBoolean loaded = new java.util.concurrent.atomic.AtomicBoolean();
        runner.task("tables: load page", p -> "rows").onSuccess(r -> loaded.set(true)).start();
        runner.task("startup", p -> true).notUserCancellable().start();
        model.refresh();
        assertThat(model.cancellableProperty().get()).isTrue();
        assertThat(model.backgroundProperty().get()).isEqualTo("tables: load page (+1 more)");

        model.cancelBackground();
        model.refresh();
        assertThat(model.cancellableProperty().get()).isFalse();
        assertThat(runner.running()).extracting(RunningTask::isCancelled).containsExactly(true, false);

        runner.runPending();
        assertThat(loaded).as("a cancelled task's result is dropped").isFalse();
        assertThat(runner.running()).isEmpty();
    }

    @Test
    void aLostEngineSaysWhatHappenedAndWhatTheAppDoesWithoutOfferingRetry() {
        model.refresh();
        assertThat(model.engineProblemProperty().get()).isEmpty();

        engines.set(List.of(new EngineStatus(Engine.POSTGRESQL, EngineStatus.State.LOST, "localhost:5432/postgres", true,
                "The embedded PostgreSQL server stopped unexpectedly (process 1234 exited); restarting it…")));
        model.refresh();
        assertThat(model.engineStatuses()).extracting(StatusBarViewModel::describe)
                .containsExactly("PostgreSQL lost · embedded :5432");
        assertThat(model.engineProblemProperty().get())
                .as("the pill says which engine; the line says what happened")
                .isEqualTo("The embedded PostgreSQL server stopped unexpectedly (process 1234 exited); restarting it…");
        assertThat(model.anyFailedProperty().get()).as("the app reconnects by itself").isFalse();

        engines.set(List.of(new EngineStatus(Engine.POSTGRESQL, EngineStatus.State.UP, "localhost:5432/postgres", true, "")));
        model.refresh();
        assertThat(model.engineProblemProperty().get()).isEmpty();
    }

    @Test
    void warnsWhenAStatementRanOnTheUiThread() {
        log.statementCaptured(new CapturedStatement(1, Instant.now(), Engine.POSTGRESQL, StatementKind.SELECT, "SELECT 1",
                List.of(), 1, 1, 1, "JavaFX Application Thread", true, null, "oops"));
        model.refresh();
        assertThat(model.uiThreadWarningProperty().get()).contains("1 on the UI thread");
    }

    private static CapturedStatement statement(StatementKind kind, int batch, String error) {
        return new CapturedStatement(1, Instant.now(), kind.engine(), kind, "x", List.of(), 1, 1, batch, "w", false, error, "a");
    }
}
