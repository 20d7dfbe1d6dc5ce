package org.persistenceexplorer.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the loss-and-recovery tests share: waiting for an engine's status by polling (no fixed
 * sleeps; the deadline is the requirement's own, 5 s to notice, 30 s to be back, and only keeps a
 * broken build from hanging), asking the database one number, printing how long things took.
 */
final class LossAndRecovery {

    private LossAndRecovery() {
    }

    static EngineStatus state(Supplier<EngineStatus> status, EngineStatus.State state, Duration within)
            throws InterruptedException {
        return until(status, s -> s.state() == state, "state " + state, within);
    }

    static EngineStatus detail(Supplier<EngineStatus> status, String part, Duration within) throws InterruptedException {
        return until(status, s -> s.detail().contains(part), "detail containing '" + part + "'", within);
    }

    private static EngineStatus until(Supplier<EngineStatus> status, Predicate<EngineStatus> wanted, String what,
                                      Duration within) throws InterruptedException {
        long giveUp = System.nanoTime() + within.toNanos();
        EngineStatus now = status.get();
        while (!wanted.test(now) && System.nanoTime() < giveUp) {
            Thread.sleep(20);
            now = status.get();
        }
        assertThat(wanted.test(now)).as("%s within %s s, but: %s", what, within.toSeconds(), now).isTrue();
        return now;
    }

    /** The first column of the first row, through a connection borrowed from the DataSource. */
    static long firstNumber(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Prints a measured time; the numbers go to the report, never into an assertion. */
    static void report(String what, long sinceNanos) {
        System.out.println("recovery timing: " + what + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos) + " ms");
    }
}
