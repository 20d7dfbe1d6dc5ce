package org.persistenceexplorer.service.tables.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * Entity mode against the real server and Hibernate: the lifecycle, a dynamic UPDATE of the
 * changed column with the version check, a conflict, each refusal leaving the data as it was,
 * Bean Validation before anything is sent, and what a delete cascades. Works on rows of its own
 * (emails under entity.test.), removed afterwards: the 300 sample people stay as they are.
 */
class EntityEditingTest {

    private static final StatementLog LOG = new StatementLog();
    private static OrmSessions orm;
    private static EntityEditing editing;
    private static TableDescription employee;
    private static TableDescription department;

    @BeforeAll
    static void open() throws Exception {
        DataSource dataSource = TestEngines.sql().database().dataSource();
        TestEngines.sql().recorder().addListener(LOG);
        orm = new OrmSessions(() -> dataSource, HrModel.ENTITIES);
        orm.open();
        editing = new EntityEditing(orm, LOG);
        TableCatalog catalog = new TableCatalog(() -> dataSource);
        employee = catalog.describe(new TableRef("hr", "employee"));
        department = catalog.describe(new TableRef("hr", "department"));
    }

    @AfterAll
    static void close() {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
    }

    @AfterEach
    void removeOwnRows() throws Exception {
        sql("DELETE FROM hr.employee WHERE email LIKE 'entity.test.%' AND manager_id IS NOT NULL",
                "DELETE FROM hr.employee WHERE email LIKE 'entity.test.%'",
                "DELETE FROM hr.department WHERE name LIKE 'Entity test%'");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = TestEngines.sql().database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String one(String query) throws Exception {
        try (Connection c = TestEngines.sql().database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static String ownEmployee(String who, String managerId) throws Exception {
        return one("INSERT INTO hr.employee (name, email, title, salary, hired_on, department_id, manager_id) VALUES ('"
                + who + "', 'entity.test." + who + "@example.com', 'Tester', 50000, '2020-01-01', 2, " + managerId
                + ") RETURNING id");
    }

    private static List<CapturedStatement> updates(EditOutcome outcome) {
        return outcome.statements().stream().filter(s -> s.kind() == StatementKind.UPDATE).toList();
    }

    @Test
    void committedSavesAndDeletesArePublishedARefusalIsNot() throws Exception {
        org.persistenceexplorer.service.changes.RowChanges changes = new org.persistenceexplorer.service.changes.RowChanges();
        List<org.persistenceexplorer.service.changes.RowChange> heard = new java.util.ArrayList<>();
        changes.subscribe(heard::add);
        EntityEditing publishing = new EntityEditing(orm, LOG, changes);
        String id = ownEmployee("published", "1");
        EntityEditing.Loaded loaded = publishing.load(employee, id);
        loaded.edit().save(Map.of("email", "sara.cruz@example.com"));
        assertThat(heard).isEmpty();
        loaded.edit().save(Map.of("salary", "50500.00"));
        loaded.edit().delete();
        assertThat(heard).extracting(c -> c.schema() + "." + c.table() + " " + c.kind() + " " + c.key())
                .containsExactly("hr.employee UPDATED {id=" + id + "}", "hr.employee DELETED {id=" + id + "}");
    }

    @Test
    void aChangedSalaryUpdatesThatColumnOnlyWithTheVersionCheckAndEndsDetached() throws Exception {
        String id = ownEmployee("salary", "1");
        EntityEditing.Loaded loaded = editing.load(employee, id);
        assertThat(loaded.outcome().kind()).isEqualTo(EditOutcome.Kind.DONE);
        assertThat(loaded.edit().state()).isEqualTo(EntityState.MANAGED);
        assertThat(loaded.outcome().statements()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(StatementKind.SELECT));

        EditOutcome saved = loaded.edit().save(Map.of("salary", "51000.50"));
        assertThat(saved.kind()).isEqualTo(EditOutcome.Kind.DONE);
        assertThat(updates(saved)).singleElement().satisfies(u ->
                assertThat(u.text()).isEqualTo("update hr.employee set salary=?,version=? where id=? and version=?"));
        assertThat(saved.transitions()).extracting(EditOutcome.Transition::state)
                .containsExactly(EntityState.MANAGED, EntityState.DETACHED);
        assertThat(loaded.edit().state()).isEqualTo(EntityState.DETACHED);
        assertThat(one("SELECT salary || '/' || version FROM hr.employee WHERE id = " + id)).isEqualTo("51000.50/1");

        // edited again while detached: merged into a new session (SELECT), then the same narrow UPDATE
        EditOutcome again = loaded.edit().save(Map.of("title", "Senior Tester"));
        assertThat(again.kind()).isEqualTo(EditOutcome.Kind.DONE);
        assertThat(updates(again)).singleElement().satisfies(u ->
                assertThat(u.text()).isEqualTo("update hr.employee set title=?,version=? where id=? and version=?"));
        assertThat(again.transitions()).extracting(EditOutcome.Transition::state).first().isEqualTo(EntityState.MANAGED);
        loaded.edit().close();
    }

    @Test
    void aColleaguesEmailIsRefusedByTheUniqueConstraintNamedInPlainWordsAndNothingChanges() throws Exception {
        String id = ownEmployee("unique", "1");
        EntityEditing.Loaded loaded = editing.load(employee, id);
        EditOutcome refused = loaded.edit().save(Map.of("email", "pedro.dalton@example.com", "salary", "60000"));
        assertThat(refused.kind()).isEqualTo(EditOutcome.Kind.REFUSED);
        assertThat(refused.refusal().constraint()).isEqualTo("employee_email_key");
        assertThat(refused.refusal().column()).isEqualTo("email");
        assertThat(refused.refusal().value()).isEqualTo("pedro.dalton@example.com");
        assertThat(refused.refusal().message()).contains("already has email = 'pedro.dalton@example.com'")
                .contains("employee_email_key").contains("rolled back");
        assertThat(refused.value("email")).isEqualTo("entity.test.unique@example.com");
        assertThat(one("SELECT email || '/' || salary FROM hr.employee WHERE id = " + id))
                .isEqualTo("entity.test.unique@example.com/50000.00");
        loaded.edit().close();
    }

    @Test
    void aForeignKeyToNowhereAndADeleteOfAManagerAreRefusedAndChangeNothing() throws Exception {
        String boss = ownEmployee("boss", "1");
        ownEmployee("report", boss);
        EntityEditing.Loaded loaded = editing.load(employee, boss);
        EditOutcome noDepartment = loaded.edit().save(Map.of("department", "999999"));
        assertThat(noDepartment.kind()).isEqualTo(EditOutcome.Kind.REFUSED);
        assertThat(noDepartment.refusal().constraint()).isEqualTo("employee_department_id_fkey");
        assertThat(noDepartment.refusal().message()).contains("department_id = 999999");

        EditOutcome delete = loaded.edit().delete();
        assertThat(delete.kind()).isEqualTo(EditOutcome.Kind.REFUSED);
        assertThat(delete.refusal().constraint()).isEqualTo("employee_manager_id_fkey");
        assertThat(delete.refusal().message()).contains("still referenced from employee");
        assertThat(one("SELECT count(*) FROM hr.employee WHERE id = " + boss + " AND department_id = 2")).isEqualTo("1");
        loaded.edit().close();
    }

    @Test
    void aRowChangedMeanwhileIsRefusedByTheVersionCheckWithBothValues() throws Exception {
        String id = ownEmployee("conflict", "1");
        EntityEditing.Loaded loaded = editing.load(employee, id);
        // someone else (the console, another window) changes the row and its version
        sql("UPDATE hr.employee SET salary = 77777, version = version + 1 WHERE id = " + id);
        EditOutcome conflict = loaded.edit().save(Map.of("salary", "55000"));
        assertThat(conflict.kind()).isEqualTo(EditOutcome.Kind.CONFLICT);
        assertThat(conflict.conflict().get("salary")).containsExactly("55000", "77777.00");
        assertThat(updates(conflict)).singleElement().satisfies(u -> assertThat(u.rows()).isZero());
        assertThat(one("SELECT salary FROM hr.employee WHERE id = " + id)).isEqualTo("77777.00");
        loaded.edit().close();
    }

    @Test
    void invalidValuesAreReportedByFieldBeforeAnythingIsSent() throws Exception {
        String id = ownEmployee("invalid", "1");
        EntityEditing.Loaded loaded = editing.load(employee, id);
        EditOutcome invalid = loaded.edit().save(Map.of("salary", "-5", "email", "not-an-email", "hiredOn", "tomorrow"));
        assertThat(invalid.kind()).isEqualTo(EditOutcome.Kind.INVALID);
        assertThat(invalid.fieldErrors()).containsEntry("salary", "must be more than 0")
                .containsEntry("email", "not an email address").containsKey("hiredOn");
        assertThat(invalid.statements()).isEmpty();
        assertThat(loaded.edit().state()).isEqualTo(EntityState.MANAGED);
        loaded.edit().close();
    }

    @Test
    void aNewDepartmentGoesTransientManagedDetachedWithTheServerDefaultReadBack() {
        EntityEditing.Loaded created = editing.startNew(department);
        assertThat(created.edit().state()).isEqualTo(EntityState.TRANSIENT);
        EditOutcome saved = created.edit().save(Map.of("name", "Entity test dept", "budget", "1000"));
        assertThat(saved.kind()).isEqualTo(EditOutcome.Kind.DONE);
        assertThat(saved.transitions()).extracting(EditOutcome.Transition::state)
                .containsExactly(EntityState.MANAGED, EntityState.MANAGED, EntityState.DETACHED);
        assertThat(saved.value("id")).isNotNull();
        assertThat(saved.value("createdAt")).isNotNull();
        assertThat(saved.statements()).anySatisfy(s -> assertThat(s.text()).containsIgnoringCase("returning id,created_at"));
    }

    @Test
    void deletingAnEmployeeListsTheProjectRowsThatWentWithIt() throws Exception {
        String id = ownEmployee("leaver", "1");
        sql("INSERT INTO hr.employee_project (employee_id, project_id) VALUES (" + id + ", 1), (" + id + ", 2)");
        EntityEditing.Loaded loaded = editing.load(employee, id);
        EditOutcome deleted = loaded.edit().delete();
        assertThat(deleted.kind()).isEqualTo(EditOutcome.Kind.DONE);
        assertThat(deleted.transitions()).extracting(EditOutcome.Transition::state).contains(EntityState.REMOVED);
        assertThat(deleted.cascaded()).anySatisfy(line -> assertThat(line).contains("hr.employee_project").startsWith("2 row(s)"));
        assertThat(one("SELECT count(*) FROM hr.employee_project WHERE employee_id = " + id)).isEqualTo("0");
        assertThat(one("SELECT count(*) FROM hr.employee WHERE id = " + id)).isEqualTo("0");
    }
}
