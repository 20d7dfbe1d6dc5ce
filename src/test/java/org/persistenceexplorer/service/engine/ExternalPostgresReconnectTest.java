package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.persistenceexplorer.service.engine.LossAndRecovery.detail;
import static org.persistenceexplorer.service.engine.LossAndRecovery.firstNumber;
import static org.persistenceexplorer.service.engine.LossAndRecovery.report;
import static org.persistenceexplorer.service.engine.LossAndRecovery.state;

import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.testsupport.TcpRelay;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * An "external" PostgreSQL (the shared test server behind a TCP relay that can go away and come
 * back on the same port): the watch notices it is gone, work is refused at once with the reason,
 * the status says it keeps trying, and the same pool works again once the server answers.
 */
class ExternalPostgresReconnectTest {

    @TempDir
    Path dataDir;

    @Test
    void serverThatGoesAwayIsReportedLostAndReconnectedWhenItAnswersAgain() throws Exception {
        StatementLog log = new StatementLog();
        StatementRecorder recorder = new StatementRecorder();
        recorder.addListener(log);
        try (TcpRelay relay = new TcpRelay(TestEngines.sql().server().port())) {
            String address = "127.0.0.1:" + relay.port() + "/postgres";
            SqlEngine engine = new SqlEngine(new EngineSettings(dataDir, "jdbc:postgresql://" + address,
                    "postgres", null, null, null, null), recorder, RootPolicy.detect());
            try (engine; EngineWatch watch = new EngineWatch(List.of(engine.healthCheck()), EngineWatch.PERIOD)) {
                engine.start();
                watch.start();
                DataSource dataSource = engine.dataSource();
                assertThat(firstNumber(dataSource, "SELECT 1")).isEqualTo(1);
                long statementsBefore = log.counters().total();

                long cut = System.nanoTime();
                relay.stop();
                EngineStatus lost = state(engine::status, EngineStatus.State.LOST, Duration.ofSeconds(5));
                report("external postgresql noticed", cut);
                assertThat(lost.detail()).isEqualTo("PostgreSQL at " + address + " does not answer; reconnecting…");
                assertThat(lost.embedded()).isFalse();

                long asked = System.nanoTime();
                assertThatThrownBy(() -> firstNumber(dataSource, "SELECT 1")).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageStartingWith("PostgreSQL is not available: PostgreSQL at " + address + " does not answer");
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));

                EngineStatus retrying = detail(engine::status, "attempt 2 failed", Duration.ofSeconds(10));
                assertThat(retrying.state()).isEqualTo(EngineStatus.State.LOST);
                assertThat(retrying.detail()).contains("reconnecting…").contains("next in 2 s");

                long resumed = System.nanoTime();
                relay.resume();
                state(engine::status, EngineStatus.State.UP, Duration.ofSeconds(30));
                report("external postgresql back after it answered again", resumed);
                assertThat(log.counters().total()).as("the watch sent no statement").isEqualTo(statementsBefore);
                assertThat(firstNumber(dataSource, "SELECT 1")).as("the same pool works again").isEqualTo(1);
            }
        }
    }
}
