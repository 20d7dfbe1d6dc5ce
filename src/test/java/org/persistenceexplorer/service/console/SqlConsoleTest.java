package org.persistenceexplorer.service.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.console.ConsoleMode;
import org.persistenceexplorer.domain.console.ConsoleResult;
import org.persistenceexplorer.domain.console.ConsoleRun;
import org.persistenceexplorer.domain.console.PlanNode;
import org.persistenceexplorer.domain.console.Script;
import org.persistenceexplorer.domain.console.ScriptPiece;
import org.persistenceexplorer.service.work.Cancellation;
import org.persistenceexplorer.store.sql.SqlDatabase;
import org.persistenceexplorer.testsupport.Await;
import org.persistenceexplorer.testsupport.TestEngines;

/** The SQL mode against the real embedded PostgreSQL; writes only in its own scratch schema. */
class SqlConsoleTest {

    private static final String SCHEMA = "console_test";
    private static final SqlDatabase DB = TestEngines.sql().database();
    private final SqlConsole console = new SqlConsole(DB::dataSource, 100, SqlConsole.MEMORY_CAP_BYTES);

    @BeforeAll
    static void scratchSchema() throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".item (id int PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO " + SCHEMA + ".item SELECT g, 'item ' || g FROM generate_series(1, 1000) g");
    }

    @AfterAll
    static void dropScratch() throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @AfterEach
    void closeCursor() {
        console.close();
    }

    @Test
    void aSelectReturnsTypedColumnsAndItsRows() throws Exception {
        ConsoleRun run = console.run(piece("SELECT d.name, count(*) AS people FROM hr.department d "
                + "JOIN hr.employee e ON e.department_id = d.id GROUP BY d.name ORDER BY d.name"), RunSettings.defaults());

        ConsoleResult.Rows rows = (ConsoleResult.Rows) run.results().get(0);
        assertThat(rows.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("name:varchar", "people:bigint");
        assertThat(rows.rows()).isNotEmpty();
        assertThat(rows.rows().stream().mapToLong(r -> Long.parseLong(r.get(1))).sum()).isEqualTo(300);
        assertThat(rows.more()).isFalse();
        assertThat(console.hasOpenCursor()).isFalse();
    }

    @Test
    void bigResultsComeInPagesAndTheCursorHoldsOneConnectionUntilTheEnd() throws Exception {
        int idleBefore = idle();
        ConsoleRun run = console.run(piece("SELECT * FROM " + SCHEMA + ".item ORDER BY id"), RunSettings.defaults());
        ConsoleResult.Rows first = (ConsoleResult.Rows) run.results().get(0);

        assertThat(first.rows()).hasSize(100);
        assertThat(first.more()).isTrue();
        assertThat(console.hasOpenCursor()).isTrue();
        int fetched = first.rows().size();
        ConsoleResult.Rows page;
        do {
            page = console.fetchMore();
            fetched += page.rows().size();
        } while (page.more());
        assertThat(fetched).isEqualTo(1000);
        assertThat(page.rows().get(page.rows().size() - 1).get(0)).isEqualTo("1000");
        assertThat(console.hasOpenCursor()).isFalse();
        Await.until(Duration.ofSeconds(5), () -> idle() >= idleBefore, "the connection back in the pool");
    }

    @Test
    void aHugeResultStopsAtTheMemoryCapInsteadOfFillingTheHeap() throws Exception {
        SqlConsole capped = new SqlConsole(DB::dataSource, 1000, 1L << 20);
        ConsoleResult.Rows page = (ConsoleResult.Rows) capped.run(piece(
                "SELECT g, repeat('x', 100) FROM generate_series(1, 10000000) g"), RunSettings.defaults()).results().get(0);
        long rows = page.rows().size();
        while (page.more()) {
            page = capped.fetchMore();
            rows += page.rows().size();
        }
        assertThat(page.capNote()).contains("at most 1 MB");
        assertThat(rows).isBetween(1000L, 10_000L);
        assertThat(capped.hasOpenCursor()).isFalse();
    }

    @Test
    void writesReportTheirUpdateCountAndCommit() throws Exception {
        ConsoleRun run = console.run(piece("UPDATE " + SCHEMA + ".item SET name = name || '!' WHERE id <= 3"),
                RunSettings.defaults());

        assertThat(run.results()).singleElement().isInstanceOfSatisfying(ConsoleResult.Updated.class, u -> {
            assertThat(u.count()).isEqualTo(3);
            assertThat(u.statement()).isEqualTo("UPDATE");
        });
        assertThat(count("SELECT count(*) FROM " + SCHEMA + ".item WHERE name LIKE '%!'")).isEqualTo(3);
        ConsoleRun ddl = console.run(piece("CREATE TABLE " + SCHEMA + ".made_here (a int)"), RunSettings.defaults());
        assertThat(((ConsoleResult.Updated) ddl.results().get(0)).statement()).isEqualTo("CREATE TABLE");
    }

    @Test
    void aSyntaxErrorNamesTheServersMessageAndWhereInTheScript() {
        String script = "SELECT 1;\n\nSELECT name FROM hr.employee WHER id = 1;";
        ScriptPiece second = Script.statements(script, ConsoleMode.SQL).get(1);

        assertThatThrownBy(() -> console.run(second, RunSettings.defaults()))
                .isInstanceOfSatisfying(ConsoleFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.ERROR);
                    assertThat(f.getMessage()).contains("syntax error at or near \"id\"").contains("42601");
                    assertThat(script.substring(f.scriptOffset())).startsWith("id = 1");
                });
    }

    @Test
    void anUnknownColumnIsMarkedInAStatementWithParameters() {
        String script = "SELECT * FROM hr.employee WHERE id = :id AND nosuch = :name";
        assertThatThrownBy(() -> console.run(Script.statements(script, ConsoleMode.SQL).get(0),
                RunSettings.defaults().withParameters(Map.of("id", "1", "name", "x"))))
                .isInstanceOfSatisfying(ConsoleFailure.class, f -> {
                    assertThat(f.getMessage()).contains("column \"nosuch\" does not exist");
                    assertThat(script.substring(f.scriptOffset())).startsWith("nosuch");
                });
    }

    @Test
    void parametersAreBoundSoAnInjectionFindsNothing() throws Exception {
        ConsoleResult.Rows rows = (ConsoleResult.Rows) console.run(piece("SELECT name FROM hr.employee WHERE name = :name"),
                RunSettings.defaults().withParameters(Map.of("name", "x' OR '1'='1"))).results().get(0);
        assertThat(rows.rows()).isEmpty();
        ConsoleResult.Rows byId = (ConsoleResult.Rows) console.run(piece("SELECT id FROM hr.employee WHERE id = :id"),
                RunSettings.defaults().withParameters(Map.of("id", "1"))).results().get(0);
        assertThat(byId.rows()).containsExactly(List.of("1"));
    }

    @Test
    void cancelStopsTheQueryOnTheServer() throws Exception {
        int idleBefore = idle();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try (Cancellation.Scope ignored = cancellation.enter("console: run")) {
                console.run(piece("SELECT pg_sleep(60) /* console-cancel */"), RunSettings.defaults().withTimeout(0));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Await.until(Duration.ofSeconds(20), () -> activeOnServer("console-cancel") == 1, "the query running on the server");

        cancellation.cancel();

        Throwable failure = outcome.get(20, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOfSatisfying(ConsoleFailure.class,
                f -> assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.CANCELLED));
        assertThat(activeOnServer("console-cancel")).isZero();
        Await.until(Duration.ofSeconds(5), () -> idle() >= idleBefore, "the connection back in the pool");
    }

    @Test
    void aRunawayQueryIsStoppedByTheTimeLimit() {
        assertThatThrownBy(() -> console.run(piece("SELECT pg_sleep(30)"), RunSettings.defaults().withTimeout(1)))
                .isInstanceOfSatisfying(ConsoleFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.TIMEOUT);
                    assertThat(f.getMessage()).contains("time limit of 1 s");
                });
    }

    @Test
    void transactionControlAndSessionSettingsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> console.run(piece("BEGIN"), RunSettings.defaults()))
                .hasMessageContaining("transaction of its own");
        assertThatThrownBy(() -> console.run(piece("SET search_path = nowhere"), RunSettings.defaults()))
                .hasMessageContaining("shared with every tab");
        assertThatThrownBy(() -> console.run(piece("SELECT set_config('search_path', 'nowhere', false)"), RunSettings.defaults()))
                .hasMessageContaining("pass true as the third argument");
        assertThatThrownBy(() -> console.run(piece("select SET_CONFIG('a.b', 'x, y', true), set_config('c.d', '1', 0 = 1)"),
                RunSettings.defaults())).as("one of two is for the session").hasMessageContaining("for good");
        assertThatThrownBy(() -> console.run(piece("SELECT pg_advisory_lock(42)"), RunSettings.defaults()))
                .hasMessageContaining("pg_advisory_xact_lock");
    }

    @Test
    void transactionScopedSettingsAndLocksRunAndLeaveThePooledConnectionAsItWas() throws Exception {
        ConsoleRun run = console.run(piece("SELECT set_config('search_path', 'nowhere', true), pg_advisory_xact_lock(42)"),
                RunSettings.defaults());
        assertThat(((ConsoleResult.Rows) run.results().get(0)).rows().get(0).get(0)).isEqualTo("nowhere");
        ConsoleRun after = console.run(piece("SELECT current_setting('search_path')"), RunSettings.defaults());
        assertThat(((ConsoleResult.Rows) after.results().get(0)).rows().get(0).get(0)).doesNotContain("nowhere");
    }

    @Test
    void aReadOnlyConsoleAsksBeforeAWriteAndTheServerRefusesWritesInIt() throws Exception {
        RunSettings readOnly = RunSettings.defaults().readOnly(true);
        assertThatThrownBy(() -> console.run(piece("DELETE FROM " + SCHEMA + ".item"), readOnly))
                .isInstanceOfSatisfying(ConsoleFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(ConsoleFailure.Reason.NEEDS_CONFIRMATION));
        assertThatThrownBy(() -> console.run(piece("SELECT nextval('hr.department_id_seq')"), readOnly))
                .hasMessageContaining("read-only transaction");
        ConsoleRun confirmed = console.run(piece("UPDATE " + SCHEMA + ".item SET name = name WHERE id = 1"),
                readOnly.confirmingWrites());
        assertThat(((ConsoleResult.Updated) confirmed.results().get(0)).count()).isEqualTo(1);
    }

    @Test
    void explainAnalyzeOfAWriteShowsThePlanAndRollsBack() throws Exception {
        ConsoleRun run = console.run(piece("EXPLAIN ANALYZE UPDATE " + SCHEMA + ".item SET name = 'gone' WHERE id < 500"),
                RunSettings.defaults());

        ConsoleResult.Plan plan = (ConsoleResult.Plan) run.results().get(0);
        assertThat(plan.root().operator()).startsWith("ModifyTable");
        assertThat(plan.note()).contains("rolled back").contains("Slowest step");
        assertThat(plan.root().flatten()).filteredOn(PlanNode::slowest).hasSize(1);
        assertThat(plan.root().flatten()).anySatisfy(n -> assertThat(n.actualRows()).isGreaterThan(0));
        assertThat(count("SELECT count(*) FROM " + SCHEMA + ".item WHERE name = 'gone'")).isZero();
    }

    @Test
    void explainShowsIndexesAndEstimatesWithoutRunning() throws Exception {
        ConsoleRun run = console.explain(piece("SELECT * FROM hr.employee WHERE id = 7"), false, RunSettings.defaults());

        PlanNode root = ((ConsoleResult.Plan) run.results().get(0)).root();
        assertThat(root.operator()).contains("Index Scan");
        assertThat(root.index()).isEqualTo("employee_pkey");
        assertThat(root.relation()).startsWith("employee");
        assertThat(root.actualRows()).isEqualTo(-1);
        assertThat(root.estimatedRows()).isEqualTo(1);
    }

    @Test
    void aTenfoldMisestimateGetsAHint() throws Exception {
        // With a bound the planner cannot see, generate_series is estimated at 1000 rows: 5 real rows are 200x off.
        ConsoleRun run = console.explain(piece("SELECT * FROM generate_series(1, (SELECT 5))"), true, RunSettings.defaults());
        ConsoleResult.Plan plan = (ConsoleResult.Plan) run.results().get(0);
        assertThat(plan.root().estimateOff()).isTrue();
        assertThat(plan.note()).contains("Estimate off more than 10x");
    }

    private static ScriptPiece piece(String sql) {
        return new ScriptPiece(sql, 0);
    }

    private static int idle() {
        return DB.poolSnapshot().idle();
    }

    private static long activeOnServer(String marker) {
        try {
            return count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + marker
                    + "%' AND query NOT LIKE '%pg_stat_activity%'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DB.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DB.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
