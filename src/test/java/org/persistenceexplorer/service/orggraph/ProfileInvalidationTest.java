package org.persistenceexplorer.service.orggraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.service.changes.RowChange;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.work.Progress;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The seam between the Tables tab and the org chart's profile cache, end to end on a company of
 * its own (schema profile_inval_test, ids from 960001): an edit committed through the Tables
 * service is published, the cache drops that person, and the next look-up reads the new salary.
 */
class ProfileInvalidationTest {

    private static final String SCHEMA = "profile_inval_test";
    private final CypherRunner graph = TestEngines.graph().cypher();

    @BeforeAll
    static void createCompany() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        sql("CREATE SCHEMA " + SCHEMA);
        for (String table : List.of("department", "employee", "project", "employee_project")) {
            sql("CREATE TABLE " + SCHEMA + "." + table + " (LIKE hr." + table + " INCLUDING ALL)");
        }
        sql("INSERT INTO " + SCHEMA + ".department (id, name, budget) VALUES (1, 'Lab', 1000)");
        sql("INSERT INTO " + SCHEMA + ".employee (id, name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "(960001, 'Ida Top', 'ida@p', 'Chief Executive Officer', 200000, '2004-02-01', 1, NULL),"
                + "(960002, 'Jon Low', 'jon@p', 'Researcher', 70000, '2018-04-15', 1, 960001)");
        sql("INSERT INTO " + SCHEMA + ".project (id, name, department_id, started_on) VALUES (1, 'Kappa', 1, '2020-01-01')");
        new OrgGraphImport(TestEngines.sql().database().dataSource(), TestEngines.graph().cypher(), SCHEMA, 500)
                .sync(Progress.NONE);
    }

    @AfterAll
    static void dropCompany() throws SQLException {
        CypherRunner graph = TestEngines.graph().cypher();
        graph.write("MATCH (p:Person) WHERE p.employeeId >= 960001 AND p.employeeId < 961000 DETACH DELETE p", Map.of());
        graph.write("MATCH (n) WHERE (n:Department OR n:OrgImport) AND n.source = $s DETACH DELETE n", Map.of("s", SCHEMA));
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestEngines.sql().database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void anEmployeeEditedInTheTablesTabIsReadAgainAndAnAssignmentToo() throws Exception {
        PersonProfiles profiles = new PersonProfiles(graph, TestEngines.sql().database().dataSource(), SCHEMA, 10);
        RowChanges changes = new RowChanges();
        changes.subscribe(new ProfileInvalidation(profiles, SCHEMA));
        RowEditing tables = new RowEditing(() -> TestEngines.sql().database().dataSource(), new StatementLog(), changes);
        TableCatalog catalog = new TableCatalog(() -> TestEngines.sql().database().dataSource());
        TableDescription employee = catalog.describe(new TableRef(SCHEMA, "employee"));

        assertThat(profiles.lookup(960_002L).hit()).isFalse();
        assertThat(profiles.lookup(960_001L).hit()).isFalse();
        assertThat(profiles.lookup(960_002L).hit()).isTrue();

        tables.update(employee, List.of("960002"), Map.of("salary", "71000.00"), Map.of("salary", "70000.00"));
        ProfileLookup after = profiles.lookup(960_002L);
        assertThat(after.hit()).isFalse();
        assertThat(after.profile().orElseThrow().salary()).isEqualByComparingTo(new BigDecimal("71000.00"));
        assertThat(profiles.lookup(960_001L).hit()).as("someone else's profile stays cached").isTrue();

        tables.insert(catalog.describe(new TableRef(SCHEMA, "employee_project")),
                Map.of("employee_id", "960002", "project_id", "1"));
        ProfileLookup assigned = profiles.lookup(960_002L);
        assertThat(assigned.hit()).isFalse();
        assertThat(assigned.profile().orElseThrow().projects()).containsExactly("Kappa");
        assertThat(profiles.counts().invalidations()).isEqualTo(2);
    }

    @Test
    void aDepartmentOrProjectChangeDropsEveryProfileAndOtherSchemasAreIgnored() {
        PersonProfiles profiles = new PersonProfiles(graph, TestEngines.sql().database().dataSource(), SCHEMA, 10);
        ProfileInvalidation invalidation = new ProfileInvalidation(profiles, SCHEMA);
        profiles.lookup(960_001L);
        profiles.lookup(960_002L);
        invalidation.accept(new RowChange("hr", "employee", RowChange.Kind.UPDATED, Map.of("id", "960001")));
        assertThat(profiles.lookup(960_001L).hit()).isTrue();
        invalidation.accept(new RowChange(SCHEMA, "department", RowChange.Kind.UPDATED, Map.of("id", "1")));
        assertThat(profiles.lookup(960_001L).hit()).isFalse();
        assertThat(profiles.lookup(960_002L).hit()).isFalse();
    }
}
