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

class StatusBarViewModelTest {

    private final StatementLog log = new StatementLog();
    private final AtomicReference<List<EngineStatus>> engines = new AtomicReference<>(List.of(
            new EngineStatus(Engine.POSTGRESQL, EngineStatus.State.UP, "localhost:5432/postgres", true, ""),
            new EngineStatus(Engine.NEO4J, EngineStatus.State.STARTING, "", true, "")));
    private final StatusBarViewModel model = new StatusBarViewModel(engines::get,
            () -> new PoolStatus(1, 2, 0, 3, 6), log, new InlineBackgroundRunner());

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
