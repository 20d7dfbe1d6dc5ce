package org.persistenceexplorer.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.RowEditing;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.entity.EntityEditing;
import org.persistenceexplorer.service.tables.entity.EntityState;
import org.persistenceexplorer.testsupport.TestEngines;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;

/**
 * Entity mode's panel with the inline runner on the real server and Hibernate, on a row of its
 * own in hr.employee (removed afterwards).
 */
class EntityPanelViewModelTest {

    private static final StatementLog LOG = new StatementLog();
    private static OrmSessions orm;
    private static TableDescription employee;
    private static DataSource dataSource;
    private final InlineBackgroundRunner runner = new InlineBackgroundRunner();
    private int changes;
    private final EntityPanelViewModel model = new EntityPanelViewModel(runner, new EntityEditing(orm, LOG),
            new TableCatalog(() -> dataSource), new RowEditing(() -> dataSource, LOG, new RowChanges()), () -> changes++);

    @BeforeAll
    static void open() throws Exception {
        dataSource = TestEngines.sql().database().dataSource();
        TestEngines.sql().recorder().addListener(LOG);
        orm = new OrmSessions(() -> dataSource, HrModel.ENTITIES);
        orm.open();
        employee = new TableCatalog(() -> dataSource).describe(new TableRef("hr", "employee"));
    }

    @AfterAll
    static void close() {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
    }

    @AfterEach
    void removeOwnRow() throws Exception {
        model.close();
        run("DELETE FROM hr.employee WHERE email LIKE 'panel.test.%'");
    }

    private static String run(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet r = s.getResultSet()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
            return null;
        }
    }

    private GridRow ownRow() throws Exception {
        String id = run("INSERT INTO hr.employee (name, email, title, salary, hired_on, department_id, manager_id) VALUES "
                + "('Panel Test', 'panel.test.one@example.com', 'Tester', 40000, '2021-02-03', 3, 1) RETURNING id");
        return new GridRow(List.of(id), List.of(id), List.of(id));
    }

    private FieldRow field(String attribute) {
        return model.fields().stream().filter(f -> f.field().attribute().equals(attribute)).findFirst().orElseThrow();
    }

    @Test
    void editingASalaryShowsManagedThenDetachedAndTheOneUpdate() throws Exception {
        model.tableOpened(employee);
        assertThat(model.availableProperty().get()).isTrue();
        model.rowSelected(ownRow());
        assertThat(model.stateProperty().get()).isEqualTo(EntityState.MANAGED);
        field("salary").textProperty().set("41000.00");
        model.save();
        assertThat(model.stateProperty().get()).isEqualTo(EntityState.DETACHED);
        assertThat(model.statements()).anySatisfy(s -> assertThat(s)
                .contains("[tables: save] update hr.employee set salary=?,version=? where id=? and version=?"));
        assertThat(model.transitions()).last().asString().startsWith("→ detached");
        assertThat(changes).isEqualTo(1);
        assertThat(field("version").textProperty().get()).isEqualTo("1");
    }

    @Test
    void aColleaguesEmailIsRefusedInPlainWordsAndTheFormShowsTheDatabaseAgain() throws Exception {
        model.tableOpened(employee);
        model.rowSelected(ownRow());
        field("email").textProperty().set("sara.cruz@example.com");
        model.save();
        assertThat(model.messageIsProblemProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("email = 'sara.cruz@example.com'").contains("employee_email_key");
        assertThat(field("email").textProperty().get()).isEqualTo("panel.test.one@example.com");
    }

    @Test
    void anInvalidValueIsShownBesideItsFieldAndNothingIsSent() throws Exception {
        model.tableOpened(employee);
        model.rowSelected(ownRow());
        long before = LOG.counters().total();
        field("salary").textProperty().set("0");
        model.save();
        assertThat(field("salary").errorProperty().get()).isEqualTo("must be more than 0");
        assertThat(model.stateProperty().get()).isEqualTo(EntityState.MANAGED);
        assertThat(LOG.counters().total()).isEqualTo(before);
    }

    @Test
    void aTableWithoutEntityHasNoEntityModeButPlainSql() throws Exception {
        model.tableOpened(new TableCatalog(() -> dataSource).describe(new TableRef("hr", "flyway_schema_history")));
        assertThat(model.entityNameProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEqualTo("Plain SQL: hr.flyway_schema_history");
        assertThat(model.messageProperty().get()).contains("No entity maps hr.flyway_schema_history");
    }

    @Test
    void theModelPanelShowsTheMappingAndFollowingTheManagerOpensHimInPlaceAfterTheLazySelect() throws Exception {
        EntityModelViewModel mapping = new EntityModelViewModel(runner, new EntityEditing(orm, LOG).models());
        mapping.showTable(employee.ref());
        assertThat(mapping.lines()).extracting(ModelLine::text).contains("Entity Employee", "Relationships",
                "manager → Employee   MANY_TO_ONE", "projects → Project   MANY_TO_MANY",
                "@PrePersist Employee.stampCreatedAt()");
        assertThat(mapping.lines()).extracting(ModelLine::text).anySatisfy(t -> assertThat(t).startsWith("id attribute id · IDENTITY"));
        model.tableOpened(employee);
        model.rowSelected(ownRow());
        model.modelShown(mapping.modelProperty().get());
        assertThat(model.relationships()).extracting(a -> a.name()).contains("manager", "department", "projects", "subordinates");

        model.follow(model.relationships().stream().filter(a -> a.name().equals("manager")).findFirst().orElseThrow());
        assertThat(model.entityNameProperty().get()).isEqualTo("Employee");
        assertThat(field("id").textProperty().get()).isEqualTo("1");
        assertThat(model.trailProperty().get()).matches("Employee \\d+ → manager → Employee 1");
        assertThat(model.stateProperty().get()).isEqualTo(EntityState.MANAGED);
        assertThat(model.transitions()).anySatisfy(t -> assertThat(t).contains("follow manager: the lazy proxy"));

        model.follow(model.relationships().stream().filter(a -> a.name().equals("subordinates")).findFirst().orElseThrow());
        assertThat(model.statements()).filteredOn(s -> s.contains("select")).singleElement().satisfies(s ->
                assertThat(s).startsWith("#").contains("[tables: navigate] select").contains("manager_id=?"));
        assertThat(model.related()).hasSizeGreaterThan(1);
        assertThat(model.relatedTitleProperty().get()).startsWith("subordinates → ").contains("ONE_TO_MANY");
        model.openRelated(model.related().get(0));
        assertThat(model.statements()).isEmpty();
        assertThat(model.transitions()).last().asString().contains("no SELECT");
    }

    @Test
    void aTableWithoutEntityShowsWhyThereIsNoMapping() {
        EntityModelViewModel mapping = new EntityModelViewModel(runner, new EntityEditing(orm, LOG).models());
        mapping.showTable(new TableRef("hr", "employee_project"));
        assertThat(mapping.lines()).isEmpty();
        assertThat(mapping.messageProperty().get()).isEqualTo("No entity maps hr.employee_project: Hibernate does not know "
                + "this table (rows are edited with plain SQL).");
    }

    @Test
    void aTableWithoutEntityIsEditedWithPlainSqlAndATableWithoutKeyStaysReadOnly() throws Exception {
        run("DROP SCHEMA IF EXISTS panel_plain CASCADE");
        run("CREATE SCHEMA panel_plain");
        run("CREATE TABLE panel_plain.tag (id int GENERATED BY DEFAULT AS IDENTITY (START 10) PRIMARY KEY, label text UNIQUE NOT NULL)");
        run("INSERT INTO panel_plain.tag (id, label) VALUES (1, 'red'), (2, 'blue')");
        run("CREATE TABLE panel_plain.loose (a int)");
        try {
            TableCatalog catalog = new TableCatalog(() -> dataSource);
            TableDescription tag = catalog.describe(new TableRef("panel_plain", "tag"));
            model.tableOpened(tag);
            assertThat(model.availableProperty().get()).isTrue();
            assertThat(model.titleProperty().get()).isEqualTo("Plain SQL: panel_plain.tag");
            assertThat(model.saveAllowedProperty().get()).isFalse();
            model.rowSelected(new GridRow(List.of("2", "blue"), List.of("2"), List.of("2")));
            assertThat(field("id").field().editable()).isFalse();
            field("label").textProperty().set("green");
            model.save();
            assertThat(model.statements()).anySatisfy(s -> assertThat(s).contains("[tables: save] UPDATE \"panel_plain\".\"tag\" "
                    + "SET \"label\" = CAST(? AS text) WHERE \"id\" = CAST(? AS integer)").contains("→ 1 row(s)"));
            assertThat(model.messageProperty().get()).isEqualTo("Saved: one row updated.");
            assertThat(run("SELECT label FROM panel_plain.tag WHERE id = 2")).isEqualTo("green");
            assertThat(changes).isEqualTo(1);

            field("label").textProperty().set("red");
            model.save();
            assertThat(model.messageIsProblemProperty().get()).isTrue();
            assertThat(model.messageProperty().get()).contains("label = 'red'").contains("tag_label_key");
            assertThat(field("label").textProperty().get()).isEqualTo("green");

            model.startNew();
            field("label").textProperty().set("yellow");
            model.save();
            assertThat(field("id").textProperty().get()).isEqualTo("10");
            assertThat(model.deleteAllowedProperty().get()).isTrue();
            assertThat(model.deleteQuestion()).contains("DELETE ... WHERE id = ?");
            model.delete();
            assertThat(model.statements()).anySatisfy(s -> assertThat(s).contains("[tables: delete] DELETE FROM"));
            assertThat(run("SELECT count(*) FROM panel_plain.tag")).isEqualTo("2");
            assertThat(model.fields()).isEmpty();

            model.tableOpened(catalog.describe(new TableRef("panel_plain", "loose")));
            assertThat(model.availableProperty().get()).isFalse();
            assertThat(model.messageProperty().get()).contains("has no primary key, so it is read-only here");
        } finally {
            run("DROP SCHEMA IF EXISTS panel_plain CASCADE");
        }
    }

    @Test
    void aPlainRowChangedMeanwhileIsNeitherUpdatedNorDeletedAndReloadShowsItAsItIsNow() throws Exception {
        run("DROP SCHEMA IF EXISTS panel_reload CASCADE");
        run("CREATE SCHEMA panel_reload");
        run("CREATE TABLE panel_reload.tag (id int PRIMARY KEY, label text, colour text)");
        run("INSERT INTO panel_reload.tag VALUES (1, 'red', 'warm')");
        try {
            TableDescription tag = new TableCatalog(() -> dataSource).describe(new TableRef("panel_reload", "tag"));
            model.tableOpened(tag);
            model.rowSelected(new GridRow(java.util.Arrays.asList("1", "red", "warm"), List.of("1"), List.of("1")));
            run("UPDATE panel_reload.tag SET label = 'crimson' WHERE id = 1"); // someone else, e.g. the console

            model.delete();
            assertThat(model.messageIsProblemProperty().get()).isTrue();
            assertThat(model.messageProperty().get()).startsWith("Changed by someone else since you read it: label is now "
                    + "'crimson' (you read 'red')").contains("Nothing was deleted");
            assertThat(run("SELECT count(*) FROM panel_reload.tag")).isEqualTo("1");

            field("colour").textProperty().set("cold");
            model.save();
            assertThat(model.messageProperty().get()).as("the colour was not changed by them: the update goes through")
                    .isEqualTo("Saved: one row updated.");
            run("UPDATE panel_reload.tag SET colour = 'hot' WHERE id = 1");
            field("colour").textProperty().set("lukewarm");
            model.save();
            assertThat(model.messageProperty().get()).startsWith("Changed by someone else since you read it: colour is now 'hot'");
            assertThat(field("colour").textProperty().get()).as("what the user typed stays until Reload").isEqualTo("lukewarm");

            model.reload();
            assertThat(model.fields()).as("the database's row, not an empty form").isNotEmpty();
            assertThat(field("label").textProperty().get()).isEqualTo("crimson");
            assertThat(field("colour").textProperty().get()).isEqualTo("hot");
            assertThat(model.messageIsProblemProperty().get()).isFalse();
            model.delete();
            assertThat(model.messageProperty().get()).isEqualTo("Deleted: one row.");
            assertThat(run("SELECT count(*) FROM panel_reload.tag")).isEqualTo("0");
        } finally {
            run("DROP SCHEMA IF EXISTS panel_reload CASCADE");
        }
    }
}
