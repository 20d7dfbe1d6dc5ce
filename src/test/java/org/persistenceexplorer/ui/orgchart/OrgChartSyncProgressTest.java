package org.persistenceexplorer.ui.orgchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.statement.Engine;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.engine.EngineStatus;
import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.DelegationResolver;
import org.persistenceexplorer.service.orggraph.Delegations;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orggraph.OrgGraphReader;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfiles;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * The tab's sync shows its progress with a Cancel that works, on a company of its own (schema
 * chart_sync_test, ids from 941001) in the shared Neo4j. The deferred runner holds the work
 * back, so the test sees the sync while it "runs".
 */
class OrgChartSyncProgressTest {

    private static final String SCHEMA = "chart_sync_test";
    private InlineBackgroundRunner runner;
    private OrgChartViewModel model;

    private static TestCompany company;

    @BeforeAll
    static void createCompany() throws SQLException {
        company = new TestCompany(SCHEMA, 941_001);
        TestCompany.sql("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Board', 1)");
        TestCompany.sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(941001, 'Ada Top', 'a@s', 'Chief Executive Officer', 300000, '2001-01-01', 1, NULL),"
                + "(941002, 'Bo Next', 'b@s', 'Developer', 90000, '2002-01-01', 1, 941001)");
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        company.drop();
    }

    @BeforeEach
    void newModel() {
        runner = InlineBackgroundRunner.deferred();
        model = new OrgChartViewModel(() -> List.of(new EngineStatus(Engine.NEO4J, EngineStatus.State.UP, "test:7687", true, "")),
                runner, company.services());
    }

    @Test
    void a_running_sync_shows_until_it_ends_then_the_tab_is_idle_again() {
        model.sync();
        assertThat(model.syncingProperty().get()).as("while the sync waits to run").isTrue();

        runner.runPending();

        assertThat(model.syncingProperty().get()).isFalse();
        assertThat(model.syncProgressProperty().get()).isZero();
        assertThat(model.syncStepProperty().get()).isEmpty();
        assertThat(model.answerProperty().get()).startsWith("Sync:");
    }

    @Test
    void cancel_stops_the_sync_and_says_the_next_one_completes_it() {
        model.sync();
        model.cancelSync();
        runner.runPending();

        assertThat(model.syncingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Sync cancelled; the next sync completes it.");
    }

    @Test
    void a_second_sync_replaces_the_first_and_the_tab_stays_busy_until_it_ends() {
        model.sync();
        model.sync();
        assertThat(model.syncingProperty().get()).isTrue();

        runner.runPending();

        assertThat(model.syncingProperty().get()).isFalse();
        assertThat(model.answerProperty().get()).startsWith("Sync:");
    }
}
