package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CaptureCost;
import org.persistenceexplorer.store.capture.StatementListener;
import org.persistenceexplorer.store.capture.StatementRecorder;
import org.persistenceexplorer.testsupport.TestEngines;

/** The capture's own cost is measured on real statements, and a slower listener shows up in it. */
class CaptureCostTest {

    @Test
    void theCaptureCostIsMeasuredOnASampleOfStatementsAndGrowsWithWhatListenersDo() throws Exception {
        StatementRecorder recorder = TestEngines.sql().recorder();
        CaptureCost before = recorder.cost().reading();
        run(320);
        CaptureCost cheap = recorder.cost().reading();
        long samples = cheap.samples() - before.samples();
        assertThat(samples).as("one in 16 of at least 320 statements").isGreaterThanOrEqualTo(320 / 16);
        double cheapMicros = (cheap.cpuNanos() - before.cpuNanos()) / 1000.0 / samples;
        assertThat(cheapMicros).isPositive();
        assertThat(cheap.describe()).matches("capture \\d+\\.\\d µs CPU / statement");

        // A listener that burns ~2 ms of CPU per statement is part of the capture's cost, and is seen.
        StatementListener slow = s -> {
            long until = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        };
        recorder.addListener(slow);
        try {
            run(64);
        } finally {
            recorder.removeListener(slow);
        }
        CaptureCost slowReading = recorder.cost().reading();
        double slowMicros = (slowReading.cpuNanos() - cheap.cpuNanos()) / 1000.0
                / (slowReading.samples() - cheap.samples());
        assertThat(slowMicros).isGreaterThan(1_000).isGreaterThan(cheapMicros);
    }

    private static void run(int statements) throws Exception {
        try (Connection c = TestEngines.sql().database().connection();
             PreparedStatement s = c.prepareStatement("SELECT ?::int AS capture_cost_probe")) {
            for (int i = 0; i < statements; i++) {
                s.setInt(1, i);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            }
        }
    }
}
