package org.persistenceexplorer.service.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog as the schema browser reads it, from pg_catalog on the real server. */
class TableCatalogTest {

    private static final TableCatalog CATALOG = new TableCatalog(ScratchSchema::dataSource);

    @BeforeAll
    static void schema() throws Exception {
        ScratchSchema.recreate("catalog_test",
                "CREATE TABLE catalog_test.owner (id int PRIMARY KEY, code text NOT NULL UNIQUE)",
                "CREATE TABLE catalog_test.item (a int, b int, owner_id int REFERENCES catalog_test.owner (id) ON DELETE CASCADE, "
                        + "qty int DEFAULT 1 CONSTRAINT qty_positive CHECK (qty > 0), note text, "
                        + "during int4range, PRIMARY KEY (a, b), CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&))",
                "CREATE INDEX item_note_idx ON catalog_test.item (lower(note))",
                "CREATE TABLE catalog_test.loose (x int)");
    }

    @Test
    void listsTheSchemasAndTablesButNotPostgresOwn() throws Exception {
        assertThat(CATALOG.schemas()).contains("hr", "catalog_test").doesNotContain("pg_catalog", "information_schema");
        List<TableSummary> tables = CATALOG.tables();
        assertThat(tables).extracting(t -> t.ref().toString())
                .contains("hr.employee", "hr.department", "hr.employee_project", "catalog_test.loose");
        assertThat(tables).filteredOn(t -> t.ref().toString().equals("catalog_test.loose"))
                .singleElement().extracting(TableSummary::hasPrimaryKey).isEqualTo(false);
    }

    @Test
    void readsEveryConstraintKindWithItsColumns() throws Exception {
        TableDescription item = CATALOG.describe(new TableRef("catalog_test", "item"));
        assertThat(item.primaryKey()).containsExactly("a", "b");
        TableConstraint fk = item.foreignKeyOf("owner_id").orElseThrow();
        assertThat(fk.references()).isEqualTo(new TableRef("catalog_test", "owner"));
        assertThat(fk.referencedColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo("cascade");
        assertThat(item.constraints()).extracting(TableConstraint::kind).contains(TableConstraint.Kind.PRIMARY_KEY,
                TableConstraint.Kind.FOREIGN_KEY, TableConstraint.Kind.CHECK, TableConstraint.Kind.EXCLUSION);
        assertThat(item.constraints()).filteredOn(c -> c.name().equals("qty_positive")).singleElement()
                .satisfies(c -> assertThat(c.definition()).isEqualTo("CHECK ((qty > 0))"));
        assertThat(item.column("qty").orElseThrow().defaultValue()).isEqualTo("1");
        assertThat(item.column("a").orElseThrow().nullable()).isFalse();
        assertThat(item.column("note").orElseThrow().nullable()).isTrue();
        assertThat(item.indexes()).extracting(TableIndex::definition)
                .anySatisfy(d -> assertThat(d).contains("lower(note)"));
        assertThat(item.rows()).isZero();
        assertThat(item.exactRows()).isTrue();

        TableDescription owner = CATALOG.describe(new TableRef("catalog_test", "owner"));
        assertThat(owner.constraints()).filteredOn(c -> c.kind() == TableConstraint.Kind.UNIQUE).singleElement()
                .satisfies(c -> assertThat(c.columns()).containsExactly("code"));
        assertThat(owner.referencedBy()).singleElement().satisfies(c -> assertThat(c.table()).isEqualTo(item.ref()));
    }

    @Test
    void describesHrEmployeeWithItsRealShape() throws Exception {
        TableDescription employee = CATALOG.describe(new TableRef("hr", "employee"));
        assertThat(employee.columnNames()).contains("id", "name", "email", "salary", "manager_id", "version");
        assertThat(employee.column("salary").orElseThrow().type()).isEqualTo("numeric(12,2)");
        assertThat(employee.foreignKeyOf("manager_id").orElseThrow().references()).isEqualTo(employee.ref());
        assertThat(employee.rows()).isEqualTo(300);
        assertThat(employee.exactRows()).isTrue();
    }

    @Test
    void aTableThatIsGoneIsSaidInPlainWords() {
        assertThatThrownBy(() -> CATALOG.describe(new TableRef("catalog_test", "never_there")))
                .isInstanceOf(TableProblem.class).hasMessageContaining("does not exist any more");
    }
}
