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
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.Reconciliation;
import org.persistenceexplorer.testsupport.Await;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.app.AppContext;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.startup.StartupListener;
import org.persistenceexplorer.service.startup.StartupProblem;
import org.persistenceexplorer.service.startup.StartupStep;
import org.persistenceexplorer.store.engine.RootPolicy;
import org.persistenceexplorer.store.sql.EmbeddedPostgresServer;
import org.persistenceexplorer.store.sql.HibernateOrm;

/**
 * The whole app below the UI on its own data folder, with its engine watch running, while its
 * servers die under it: the watch notices, work fails at once with the reason, and each engine
 * comes back by itself, with the pool, Hibernate and callers of the engine unchanged. Recovery
 * is held while the test looks at the lost state, so the window cannot close before it looks.
 */
class EngineRecoveryTest {

    /** What the requirement allows; generous on a loaded 2-core machine, never tighter. */
    private static final String COUNT_DEPARTMENTS = "SELECT count(*) FROM hr.department";
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(5);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;
    private static AppContext context;
    private static SessionFactory hibernate;

    @BeforeAll
    static void startTheApp() {
        context = new AppContext(new EngineSettings(dataDir, null, null, null, null, null, null), RootPolicy.detect());
        Problems problems = new Problems();
        assertThat(context.startup().run(problems)).as("startup: %s", problems.text).isTrue();
        hibernate = HibernateOrm.open(context.sql().dataSource(), HrModel.ENTITIES);
    }

    @AfterAll
    static void stopTheApp() {
        if (hibernate != null) {
            hibernate.close();
        }
        context.close();
    }

    @BeforeEach
    void bothEnginesUp() throws InterruptedException {
        state(context.sql()::status, EngineStatus.State.UP, BACK_WITHIN);
        state(context.graph()::status, EngineStatus.State.UP, BACK_WITHIN);
    }

    @Test
    void killedPostgresIsNoticedRefusedClearlyAndRestartedUnderTheSamePoolAndHibernate() throws Exception {
        SqlEngine sql = context.sql();
        DataSource dataSource = sql.dataSource();
        long departments = hibernateCount();
        String address = sql.status().address();
        long pid = EmbeddedPostgresServer.postmasterPid(context.settings().postgresFolder()).orElseThrow();
        long statementsBefore = context.statementLog().counters().total();
        assertThat(settledReconciliation().state()).as("the log equals the server's count after the HR startup")
                .isEqualTo(Reconciliation.State.EQUAL);

        sql.healthCheck().holdRecovery(true);
        long killed = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        EngineStatus lost = state(sql::status, EngineStatus.State.LOST, NOTICED_WITHIN);
        report("postgresql noticed", killed);
        assertThat(lost.detail()).isEqualTo("The embedded PostgreSQL server stopped unexpectedly (process " + pid
                + " exited); restarting it…");

        long asked = System.nanoTime();
        assertThatThrownBy(() -> firstNumber(dataSource, COUNT_DEPARTMENTS)).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("PostgreSQL is not available: " + lost.detail());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(REFUSED_WITHIN);
        assertThatThrownBy(this::hibernateCount).hasStackTraceContaining("PostgreSQL is not available");

        long released = System.nanoTime();
        sql.healthCheck().holdRecovery(false);
        EngineStatus back = state(sql::status, EngineStatus.State.UP, BACK_WITHIN);
        report("postgresql back after recovery was released", released);

        assertThat(back.address()).as("same port, so the pool's URL still holds").isEqualTo(address);
        assertThat(context.statementLog().counters().total()).as("the watch and the restart sent no statement")
                .isEqualTo(statementsBefore);
        assertThat(firstNumber(dataSource, COUNT_DEPARTMENTS)).as("the same DataSource works again").isEqualTo(departments);
        assertThat(hibernateCount()).as("Hibernate, opened before the kill, works again").isEqualTo(departments);
        assertThat(EmbeddedPostgresServer.postmasterPid(context.settings().postgresFolder()).orElseThrow())
                .as("a new server process").isNotEqualTo(pid);
        Reconciliation afterCrash = settledReconciliation();
        assertThat(afterCrash.state()).as("the crash lost the server's counts: said, not shown as a difference")
                .isEqualTo(Reconciliation.State.COUNTS_LOST);
        assertThat(afterCrash.message()).contains("restarted");

        context.statementLog().reset();
        assertThat(settledReconciliation().state()).as("Clear + reset compares again").isEqualTo(Reconciliation.State.EQUAL);
    }

    private static Reconciliation settledReconciliation() {
        Reconciliation[] last = new Reconciliation[1];
        Await.until(BACK_WITHIN, () -> (last[0] = context.reconciliation().check()).state() != Reconciliation.State.BUSY,
                "a settled comparison");
        return last[0];
    }

    @Test
    void lostEmbeddedNeo4jIsNoticedRefusedClearlyAndRestartedBehindTheSameEngine() throws Exception {
        GraphEngine graph = context.graph();
        Object people = graph.read("MATCH (p:Person) RETURN count(p) AS n", Map.of()).rows().get(0).get("n");
        String address = graph.status().address();
        long statementsBefore = context.statementLog().counters().total();
        assertThat(settledReconciliation().state()).as("the log equals the server's count after the HR startup")
                .isEqualTo(Reconciliation.State.EQUAL);

        graph.healthCheck().holdRecovery(true);
        long stopped = System.nanoTime();
        graph.simulateServerLossForTest();

        EngineStatus lost = state(graph::status, EngineStatus.State.LOST, NOTICED_WITHIN);
        report("neo4j noticed", stopped);
        assertThat(lost.detail()).isEqualTo("The embedded Neo4j server stopped unexpectedly "
                + "(its database is no longer available); restarting it…");

        long asked = System.nanoTime();
        assertThatThrownBy(() -> graph.read("RETURN 1", Map.of())).isInstanceOf(EngineUnavailableException.class)
                .hasMessage("Neo4j is not available: " + lost.detail());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(REFUSED_WITHIN);

        long released = System.nanoTime();
        graph.healthCheck().holdRecovery(false);
        EngineStatus back = state(graph::status, EngineStatus.State.UP, BACK_WITHIN);
        report("neo4j back after recovery was released (" + address + " -> " + back.address() + ")", released);

        assertThat(context.statementLog().counters().total()).as("the watch and the restart ran no Cypher")
                .isEqualTo(statementsBefore);
        assertThat(graph.read("MATCH (p:Person) RETURN count(p) AS n", Map.of()).rows().get(0).get("n"))
                .as("the same engine reaches the restarted server, data in place").isEqualTo(people);
    }

    private long hibernateCount() {
        return hibernate.fromSession(s -> s.createQuery("select count(d) from Department d", Long.class).getSingleResult());
    }


    /** Collects what went wrong during startup, for the assertion message. */
    private static final class Problems implements StartupListener {
        final StringBuilder text = new StringBuilder();

        @Override
        public void started(StartupStep step) {
        }

        @Override
        public void succeeded(StartupStep step, Duration took, String summary) {
        }

        @Override
        public synchronized void failed(StartupStep step, Duration took, StartupProblem problem) {
            text.append(step.id()).append(": ").append(problem).append('\n');
        }

        @Override
        public synchronized void skipped(StartupStep step, String reason) {
            text.append(step.id()).append(" skipped: ").append(reason).append('\n');
        }
    }
}
