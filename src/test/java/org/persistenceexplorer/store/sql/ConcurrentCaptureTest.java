package org.persistenceexplorer.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Several threads run statements through the shared captured pool at the same time, each under
 * its own action: the statement log loses none, counts each action exactly, and the sequence
 * numbers stay unique.
 */
class ConcurrentCaptureTest {

    private static final int THREADS = 6;
    private static final int STATEMENTS = 40;
    private static final int BATCH = 20;

    private final StatementLog log = new StatementLog();
    private SqlDatabase database;
    private final String prefix = "test: concurrent " + UUID.randomUUID() + " #";
    private final String schema = "concurrent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void listen() throws Exception {
        database = TestEngines.sql().database();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".item (thread int, n int)");
        }
        TestEngines.sql().recorder().addListener(log);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestEngines.sql().recorder().removeListener(log);
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void statementsFromSeveralThreadsAreAllCountedUnderTheirOwnAction() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    try (Cancellation.Scope ignored = new Cancellation().enter(prefix + thread)) {
                        start.await(30, TimeUnit.SECONDS);
                        runStatements(thread);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        for (int t = 0; t < THREADS; t++) {
            assertThat(log.countFor(prefix + t)).as("executions counted for thread %d", t).isEqualTo(STATEMENTS + BATCH);
        }
        List<CapturedStatement> ours = log.all().stream().filter(s -> s.action().startsWith(prefix)).toList();
        assertThat(ours).hasSize(THREADS * (STATEMENTS + 1));
        Set<Long> sequences = new HashSet<>();
        ours.forEach(s -> sequences.add(s.sequence()));
        assertThat(sequences).as("sequence numbers are unique").hasSize(ours.size());
        assertThat(ours).allMatch(CapturedStatement::succeeded);
        assertThat(ours).filteredOn(s -> s.kind() == StatementKind.INSERT).hasSize(THREADS)
                .allMatch(s -> s.batchSize() == BATCH);
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".item")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the batches really reached the server").isEqualTo(THREADS * BATCH);
        }
    }

    /** STATEMENTS single selects, each on a connection borrowed from the pool, then one batch of BATCH inserts. */
    private void runStatements(int thread) throws Exception {
        for (int i = 0; i < STATEMENTS; i++) {
            try (Connection c = database.connection();
                 PreparedStatement select = c.prepareStatement("SELECT ? + ?")) {
                select.setInt(1, thread);
                select.setInt(2, i);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(thread + i);
                }
            }
        }
        try (Connection c = database.connection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".item VALUES (?, ?)")) {
            for (int n = 0; n < BATCH; n++) {
                insert.setInt(1, thread);
                insert.setInt(2, n);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
