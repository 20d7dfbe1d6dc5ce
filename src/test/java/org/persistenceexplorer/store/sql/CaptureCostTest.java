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
        run(16 * 300); // more than the meter's window of latest samples
        CaptureCost cheap = recorder.cost().reading();
        assertThat(cheap.samples()).as("the latest samples").isEqualTo(256);
        double cheapMicros = cheap.microsPerStatement();
        assertThat(cheapMicros).isPositive();
        assertThat(cheap.describe()).matches("capture \\d+\\.\\d µs CPU / statement");

        // A listener that burns ~2 ms of CPU per statement is part of the capture's cost, and is seen.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        StatementListener slow = s -> {
            // 2 ms of this thread's CPU, however busy the machine is
            long until = threads.getCurrentThreadCpuTime() + 2_000_000;
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
        };
        recorder.addListener(slow);
        try {
            run(16 * 64);
        } finally {
            recorder.removeListener(slow);
        }
        // a quarter of the window cost 2 ms each: the mean is above 500 µs
        assertThat(recorder.cost().reading().microsPerStatement()).isGreaterThan(400).isGreaterThan(cheapMicros);
        System.out.printf("capture cost: %.1f µs CPU / statement (steady state)%n", cheapMicros);
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
