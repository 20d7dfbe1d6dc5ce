package org.persistenceexplorer.service.tables.entity;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.hr.HrModel;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The entity-model reader on two real Hibernates: the app's HR entities, and a test-only model
 * with what the shop brings (inheritance of both kinds, a @Formula, a converter, cascade with
 * orphan removal, callbacks). Nothing per entity is written in the reader, so these prove it reads
 * the metamodel.
 */
class EntityModelsTest {

    private static OrmSessions hr;
    private static OrmSessions shop;

    @BeforeAll
    static void open() {
        DataSource dataSource = TestEngines.sql().database().dataSource();
        hr = new OrmSessions(() -> dataSource, HrModel.ENTITIES);
        hr.open();
        shop = new OrmSessions(() -> dataSource, ShopLikeModel.ENTITIES);
        shop.open();
    }

    @AfterAll
    static void close() {
        hr.close();
        shop.close();
    }

    @Test
    void employeeShowsItsIdVersionDynamicUpdateCallbackAndItsThreeKindsOfRelationship() {
        EntityModel employee = new EntityModels(hr).forTable(new TableRef("hr", "employee")).orElseThrow();
        assertThat(employee.entityName()).isEqualTo("Employee");
        assertThat(employee.className()).isEqualTo("org.persistenceexplorer.domain.hr.Employee");
        assertThat(employee.idAttribute()).isEqualTo("id");
        assertThat(employee.idGeneration()).startsWith("IDENTITY");
        assertThat(employee.versionAttribute()).isEqualTo("version");
        assertThat(employee.dynamicUpdate()).isTrue();
        assertThat(employee.hierarchy()).isNull();
        assertThat(employee.callbacks()).containsExactly("@PrePersist Employee.stampCreatedAt()");

        ModelAttribute manager = employee.attribute("manager").orElseThrow();
        assertThat(manager.relationship()).isEqualTo("MANY_TO_ONE");
        assertThat(manager.target()).isEqualTo("Employee");
        assertThat(manager.fetch()).startsWith("LAZY");
        assertThat(manager.mapping()).isEqualTo("join column manager_id");
        assertThat(manager.side()).isEqualTo("owning side");
        assertThat(manager.cascade()).isEmpty();
        assertThat(manager.navigable()).isTrue();

        ModelAttribute projects = employee.attribute("projects").orElseThrow();
        assertThat(projects.relationship()).isEqualTo("MANY_TO_MANY");
        assertThat(projects.target()).isEqualTo("Project");
        assertThat(projects.side()).isEqualTo("owning side");
        assertThat(projects.mapping()).contains("join table hr.employee_project");
        assertThat(projects.fetch()).startsWith("LAZY");
        assertThat(projects.javaType()).isEqualTo("Set<Project>");

        ModelAttribute subordinates = employee.attribute("subordinates").orElseThrow();
        assertThat(subordinates.relationship()).isEqualTo("ONE_TO_MANY");
        assertThat(subordinates.side()).isEqualTo("inverse side (mappedBy manager)");

        assertThat(employee.attribute("version").orElseThrow().kind()).isEqualTo(ModelAttribute.Kind.VERSION);
        assertThat(employee.attribute("email").orElseThrow().constraints())
                .contains("@Email", "@NotBlank", "@Size(max=200, min=0)");
        assertThat(employee.attribute("salary").orElseThrow().mapping()).isEqualTo("column salary");
    }

    @Test
    void departmentsEmployeesAreTheInverseOneToManyAndItsCreatedAtIsReadBackFromTheDatabase() {
        EntityModels models = new EntityModels(hr);
        EntityModel department = models.forTable(new TableRef("hr", "department")).orElseThrow();
        ModelAttribute employees = department.attribute("employees").orElseThrow();
        assertThat(employees.relationship()).isEqualTo("ONE_TO_MANY");
        assertThat(employees.target()).isEqualTo("Employee");
        assertThat(employees.side()).isEqualTo("inverse side (mappedBy department)");
        assertThat(employees.mapping()).isEqualTo("hr.employee.department_id");
        assertThat(department.attribute("createdAt").orElseThrow().generated()).isEqualTo("by the database on insert, read back");
        assertThat(models.forTable(new TableRef("hr", "employee_project"))).isEmpty();
        assertThat(models.all()).extracting(EntityModel::entityName).containsExactly("Department", "Employee", "Project");
    }

    @Test
    void aSingleTableHierarchyNamesItsStrategyDiscriminatorAndMembersAndTheTableShowsItsRoot() {
        EntityModels models = new EntityModels(shop);
        EntityModel table = models.forTable(new TableRef("model_test", "product")).orElseThrow();
        assertThat(table.entityName()).isEqualTo("ModelProduct");
        assertThat(table.idGeneration()).startsWith("SEQUENCE model_test.product_id_seq").contains("10 at a time");
        EntityHierarchy hierarchy = table.hierarchy();
        assertThat(hierarchy.strategy()).startsWith("SINGLE_TABLE");
        assertThat(hierarchy.root()).isEqualTo("ModelProduct");
        assertThat(hierarchy.parent()).isNull();
        assertThat(hierarchy.children()).containsExactly("ModelDigitalProduct", "ModelPhysicalProduct");
        assertThat(hierarchy.discriminatorColumn()).isEqualTo("kind");
        assertThat(hierarchy.members()).contains("ModelPhysicalProduct (model_test.product)");

        EntityModel digital = models.named("ModelDigitalProduct").orElseThrow();
        assertThat(digital.hierarchy().parent()).isEqualTo("ModelProduct");
        assertThat(digital.hierarchy().discriminatorValue()).isEqualTo("digital");
        assertThat(digital.attribute("name").orElseThrow().declaredBy()).isEqualTo("Product");
        assertThat(digital.attribute("downloadUrl").orElseThrow().declaredBy()).isEqualTo("DigitalProduct");
        assertThat(digital.attribute("price").orElseThrow().constraints()).containsExactly("@Positive");
    }

    @Test
    void aJoinedHierarchyGivesTheSubclassItsOwnTable() {
        EntityModels models = new EntityModels(shop);
        EntityModel card = models.forTable(new TableRef("model_test", "card_payment")).orElseThrow();
        assertThat(card.entityName()).isEqualTo("ModelCardPayment");
        assertThat(card.hierarchy().strategy()).startsWith("JOINED");
        assertThat(card.hierarchy().parent()).isEqualTo("ModelPayment");
        assertThat(card.idGeneration()).isEqualTo("assigned by the application");
        assertThat(models.forTable(new TableRef("model_test", "payment")).orElseThrow().entityName()).isEqualTo("ModelPayment");
    }

    @Test
    void aFormulaShowsItsSqlAConverterItsClassAndTypesAndACascadeWithOrphanRemoval() {
        EntityModel order = new EntityModels(shop).named("ModelOrder").orElseThrow();
        ModelAttribute total = order.attribute("total").orElseThrow();
        assertThat(total.kind()).isEqualTo(ModelAttribute.Kind.FORMULA);
        assertThat(total.mapping()).startsWith("formula: (select sum(").contains("model_test.order_line")
                .doesNotContain("{@}").doesNotContain("PlaceHolder");
        ModelAttribute status = order.attribute("status").orElseThrow();
        assertThat(status.converter()).isEqualTo("StatusConverter (AttributeConverter): Status ⇄ String");
        ModelAttribute lines = order.attribute("lines").orElseThrow();
        assertThat(lines.cascade()).containsExactly("ALL");
        assertThat(lines.orphanRemoval()).isTrue();
        assertThat(order.callbacks()).containsExactly("@PreUpdate ShopOrder.touch()");

        EntityModel line = new EntityModels(shop).named("ModelOrderLine").orElseThrow();
        assertThat(line.attribute("order").orElseThrow().fetch()).startsWith("EAGER");
        assertThat(line.attribute("product").orElseThrow().cascade()).containsExactly("PERSIST", "MERGE");
        assertThat(line.attribute("product").orElseThrow().target()).isEqualTo("ModelProduct");
    }
}
