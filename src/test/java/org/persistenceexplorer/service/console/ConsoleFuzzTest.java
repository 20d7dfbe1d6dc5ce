package org.persistenceexplorer.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.Preset;
import org.persistenceexplorer.domain.console.Script;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.ConsoleEngines;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * 1,000 random and malformed inputs per mode (mutated presets, random tokens, unbalanced quotes,
 * huge literals, binary garbage), read-only as on an external server: each either runs or ends
 * in a clear error, none hangs or throws anything else, and afterwards the data is unchanged, no
 * transaction is left open and the pool's idle count is back where it started. Fixed seeds, so
 * a failure can be replayed.
 */
class ConsoleFuzzTest {

    private static final int INPUTS = 1000;
    private static final String[] TOKENS = {"SELECT", "FROM", "WHERE", "(", ")", "'", "\"", ";", ",", "*", "hr.employee",
        "e", "name", "=", "1", "NULL", "JOIN", "ON", "GROUP BY", "ORDER BY", "::int", "$1", ":id", "$id", "WITH", "AS",
        "UNION", "MATCH", "(p:Person)", "-[:REPORTS_TO]->", "RETURN", "p", "from Employee e", "select", "e.name", "--",
        "/*", "*/", "$$", "\\", "E'", "EXPLAIN", "ANALYZE", "VALUES", "count(*)", "[", "]", "{", "}", "OPTIONAL", "CALL",
        "shortestPath(", "*1..", "Employee", "Department", "where", "order by", "group by", "having", "1e308", "-",
        "9999999999999999999999", "current_date", "NOT", "IN", "EXISTS", "CASE", "WHEN", "THEN", "END", "LIMIT", "OFFSET"};
    private static int idleAtStart;
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pe-test-console-fuzz");
        t.setDaemon(true);
        return t;
    });

    private final QueryConsole console = ConsoleEngines.console();

    @BeforeAll
    static void remember() {
        ConsoleEngines.console();
        idleAtStart = TestEngines.sql().database().poolSnapshot().idle();
    }

    @AfterAll
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(ConsoleMode.class)
    void nothingTypedCrashesHangsOrLeavesAnythingBehind(ConsoleMode mode) throws Exception {
        Random random = new Random(20261201L + mode.ordinal());
        List<String> presets = Presets.all().stream().filter(p -> p.mode() == mode).map(Preset::text).toList();
        int ran = 0;
        int failed = 0;
        List<String> dropped = new java.util.ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String input = input(random, presets, i);
            // The splitter and the caret lookup must cope with anything too.
            List<ScriptPiece> pieces = Script.statements(input, mode);
            Script.statementAt(input, random.nextInt(input.length() + 1), mode);
            ScriptPiece piece = pieces.isEmpty() ? new ScriptPiece(input, 0) : pieces.get(0);
            Future<Object> run = WORKER.submit(() -> {
                try (Cancellation.Scope ignored = new Cancellation().enter("console: fuzz")) {
                    return console.run(mode, piece, RunSettings.defaults().withTimeout(3).readOnly(true));
                } catch (ConsoleFailure f) {
                    return f;
                } finally {
                    console.closeResults();
                }
            });
            int totalBefore = TestEngines.sql().database().poolSnapshot().total();
            Object outcome;
            try {
                outcome = run.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("input " + i + " hung: " + shorten(input));
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                fail("input " + i + " threw " + e.getCause() + " instead of a clear error: " + shorten(input), e.getCause());
                return;
            }
            if (TestEngines.sql().database().poolSnapshot().total() < totalBefore) {
                dropped.add(i + ": " + shorten(input) + " -> " + (outcome instanceof Exception e ? e.getMessage() : "ran"));
            }
            if (outcome instanceof ConsoleFailure f) {
                assertThat(f.getMessage()).as("the error for input %d: %s", i, shorten(input)).isNotBlank();
                failed++;
            } else {
                assertThat(outcome).isInstanceOf(ConsoleRun.class);
                ran++;
            }
        }
        assertThat(ran + failed).isEqualTo(INPUTS);
        assertThat(ran).as("some inputs are valid statements").isPositive();
        assertThat(dropped).as("inputs after which the pool lost a connection").isEmpty();
        Await.until(Duration.ofSeconds(10), () -> TestEngines.sql().database().poolSnapshot().idle() >= idleAtStart,
                "the pool's idle connections back to " + idleAtStart + " (now " + TestEngines.sql().database().poolSnapshot() + ")");
        assertThat(single("SELECT count(*) FROM hr.employee")).isEqualTo(300);
        assertThat(single("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state LIKE 'idle in transaction%'")).isZero();
        if (mode == ConsoleMode.CYPHER) {
            Object people = TestEngines.graph().gateway().read("MATCH (p:Person) WHERE p.employeeId <= 300 RETURN count(p) AS n",
                    java.util.Map.of()).singleValue();
            assertThat(((Number) people).longValue()).isEqualTo(300);
        }
    }

    private static String input(Random random, List<String> presets, int i) {
        switch (i % 6) {
            case 0: case 1:
                return mutate(random, presets.get(random.nextInt(presets.size())));
            case 2: {
                StringBuilder s = new StringBuilder();
                for (int t = 0, n = 1 + random.nextInt(25); t < n; t++) {
                    s.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextBoolean() ? " " : "");
                }
                return s.toString();
            }
            case 3: {
                String preset = presets.get(random.nextInt(presets.size()));
                int cut = random.nextInt(preset.length());
                return preset.substring(0, cut) + (random.nextBoolean() ? "'" : "\"") + preset.substring(cut);
            }
            case 4: {
                int size = 1000 + random.nextInt(200_000);
                String literal = random.nextBoolean() ? "x".repeat(size) : "9".repeat(Math.min(size, 20_000));
                return random.nextBoolean() ? "SELECT '" + literal + "' AS big" : "RETURN '" + literal + "' AS big";
            }
            default: {
                StringBuilder s = new StringBuilder();
                for (int c = 0, n = 1 + random.nextInt(200); c < n; c++) {
                    s.append((char) random.nextInt(random.nextBoolean() ? 128 : 0xFFFF));
                }
                return s.toString();
            }
        }
    }

    private static String mutate(Random random, String text) {
        StringBuilder s = new StringBuilder(text);
        for (int m = 0, n = 1 + random.nextInt(6); m < n && s.length() > 0; m++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> s.insert(at, "(".repeat(random.nextInt(60)));
            }
        }
        return s.toString();
    }

    private static String shorten(String input) {
        String oneLine = input.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static long single(String sql) throws Exception {
        try (Connection c = TestEngines.sql().database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
