package org.persistenceexplorer.service.tables.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.store.capture.WorkContext;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Following relationships in place on the real HR sample (read only): employee -> manager (a lazy
 * proxy's SELECT), department -> employees (a lazy collection's one SELECT), employee <-> projects
 * (the join table), and opening a reached entity in the same session without another SELECT.
 */
class NavigationTest {

    private static final StatementLog LOG = new StatementLog();
    private static OrmSessions orm;
    private static EntityEditing editing;
    private static TableCatalog catalog;

    @BeforeAll
    static void open() {
        DataSource dataSource = TestEngines.sql().database().dataSource();
        TestEngines.sql().recorder().addListener(LOG);
        orm = new OrmSessions(() -> dataSource, HrModel.ENTITIES);
        orm.open();
        editing = new EntityEditing(orm, LOG);
        catalog = new TableCatalog(() -> dataSource);
    }

    @AfterAll
    static void close() {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
    }

    private static TableDescription table(String name) {
        try {
            return catalog.describe(new TableRef("hr", name));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> selects(List<CapturedStatement> statements) {
        return statements.stream().map(CapturedStatement::text).filter(t -> t.startsWith("select")).toList();
    }

    @Test
    void theManagerOfAnEmployeeIsALazyProxyWhoseSelectShowsAndOpensInTheSameSessionWithoutAnother() throws Exception {
        TableDescription employee = table("employee");
        EntityEditing.Loaded sara;
        try (WorkContext.Scope ignored = WorkContext.enter("tables: load entity")) {
            sara = editing.load(employee, "2");
        }
        String managerId = sara.outcome().value("manager");
        Navigation up;
        try (WorkContext.Scope ignored = WorkContext.enter("tables: navigate")) {
            up = sara.edit().follow("manager");
        }
        assertThat(up.targetName()).isEqualTo("Employee");
        assertThat(up.related()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(managerId);
            assertThat(r.label()).isNotBlank();
        });
        assertThat(up.how()).contains("lazy proxy");
        assertThat(selects(up.statements())).singleElement().satisfies(s -> assertThat(s).contains("from hr.employee"));
        assertThat(up.statements()).allSatisfy(s -> assertThat(s.action()).isEqualTo("tables: navigate"));

        EntityEditing.Loaded manager;
        try (WorkContext.Scope ignored = WorkContext.enter("tables: navigate")) {
            manager = editing.openRelated(sara.edit(), up.related().get(0), employee);
        }
        assertThat(manager.outcome().value("id")).isEqualTo(managerId);
        assertThat(manager.outcome().statements()).isEmpty();
        assertThat(manager.outcome().transitions()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(EntityState.MANAGED);
            assertThat(t.cause()).contains("no SELECT");
        });
        assertThat(manager.edit().state()).isEqualTo(EntityState.MANAGED);
        manager.edit().close();
        sara.edit().close();
    }

    @Test
    void aDepartmentsEmployeesAreOneSelectAndFollowingThemAgainIsNone() {
        EntityEditing.Loaded department = editing.load(table("department"), "2");
        Navigation people = department.edit().follow("employees");
        assertThat(people.targetName()).isEqualTo("Employee");
        assertThat(people.related()).hasSizeGreaterThan(1);
        assertThat(people.how()).contains("one SELECT");
        assertThat(selects(people.statements())).singleElement().satisfies(s -> assertThat(s).contains("department_id=?"));
        Navigation again = department.edit().follow("employees");
        assertThat(again.statements()).isEmpty();
        assertThat(again.how()).contains("already loaded");
        EntityEditing.Loaded first = editing.openRelated(department.edit(), people.related().get(0), table("employee"));
        assertThat(first.outcome().statements()).isEmpty();
        first.edit().close();
    }

    @Test
    void projectsGoThroughTheJoinTableBothWays() {
        EntityEditing.Loaded someone = editing.load(table("employee"), "5");
        Navigation projects = someone.edit().follow("projects");
        assertThat(projects.targetName()).isEqualTo("Project");
        assertThat(selects(projects.statements())).singleElement().satisfies(s -> assertThat(s).contains("employee_project"));
        if (!projects.related().isEmpty()) {
            EntityEditing.Loaded project = editing.openRelated(someone.edit(), projects.related().get(0), table("project"));
            Navigation members = project.edit().follow("members");
            assertThat(members.related()).extracting(Navigation.Related::id).contains("5");
            project.edit().close();
        }
        someone.edit().close();
    }

    @Test
    void aDetachedEntityIsReadIntoANewSessionBeforeItsRelationshipLoadsAndAPlainValueIsNoRelationship() {
        EntityEditing.Loaded sara = editing.load(table("employee"), "2");
        sara.edit().save(java.util.Map.of());
        assertThat(sara.edit().state()).isEqualTo(EntityState.DETACHED);
        Navigation up = sara.edit().follow("department");
        assertThat(selects(up.statements())).hasSize(2);
        assertThat(sara.edit().state()).isEqualTo(EntityState.MANAGED);
        assertThatThrownBy(() -> sara.edit().follow("salary")).hasMessageContaining("no relationship called salary");
        sara.edit().close();
    }
}
