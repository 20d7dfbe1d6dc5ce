package org.persistenceexplorer.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.persistenceexplorer.service.tables.FilterOperator;
import org.persistenceexplorer.service.tables.GridRow;
import org.persistenceexplorer.service.tables.RowFilter;
import org.persistenceexplorer.service.tables.RowOrder;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.tables.TableRows;
import org.persistenceexplorer.ui.common.InlineBackgroundRunner;
import org.persistenceexplorer.testsupport.TestEngines;

/** The grid's view-model with the inline runner on the real server (a schema of its own). */
class RowGridViewModelTest {

    private static final TableRef ITEM = new TableRef("grid_vm_test", "item");
    private final DataSource dataSource = TestEngines.sql().database().dataSource();
    private final InlineBackgroundRunner runner = new InlineBackgroundRunner();
    private final RowGridViewModel model = new RowGridViewModel(runner, new TableCatalog(() -> dataSource),
            new TableRows(() -> dataSource));

    @BeforeEach
    void schema() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS grid_vm_test CASCADE");
            s.execute("CREATE SCHEMA grid_vm_test");
            s.execute("CREATE TABLE grid_vm_test.owner (id int PRIMARY KEY, label text)");
            s.execute("INSERT INTO grid_vm_test.owner VALUES (1, 'first'), (2, 'second')");
            s.execute("CREATE TABLE grid_vm_test.item (id int PRIMARY KEY, owner_id int REFERENCES grid_vm_test.owner, "
                    + "price numeric(8,2))");
            s.execute("INSERT INTO grid_vm_test.item SELECT g, 1 + g % 2, g FROM generate_series(1, 1000) g");
        }
    }

    @Test
    void rowsArriveByPageAsTheGridAsksForThem() {
        model.open(ITEM);
        assertThat(model.items()).hasSize(1000);
        GridRow first = model.items().get(0); // asks for page 0; the inline runner brings it at once
        assertThat(first).isNull();
        assertThat(model.items().get(0).values().get(0)).isEqualTo("1");
        assertThat(model.items().get(999)).isNull();
        assertThat(model.items().get(999).values().get(0)).isEqualTo("1000");
        assertThat(model.pagesLoaded()).isEqualTo(2);
    }

    @Test
    void sortingAndFilteringReadTheKeysAgain() {
        model.open(ITEM);
        model.sortBy(new RowOrder("price", true));
        model.items().get(0);
        assertThat(model.items().get(0).values().get(0)).isEqualTo("1000");
        model.addFilter(new RowFilter("owner_id", FilterOperator.EQUALS, "2"));
        assertThat(model.items()).hasSize(500);
        model.items().get(0);
        assertThat(model.items().get(0).values().get(0)).isEqualTo("999");
        assertThat(model.statusProperty().get()).contains("500 rows match the filters");
        model.removeFilter(model.filters().get(0));
        assertThat(model.items()).hasSize(1000);
    }

    @Test
    void aBadFilterValueIsSaidAndTheGridStaysUsable() {
        model.open(ITEM);
        model.addFilter(new RowFilter("price", FilterOperator.LESS, "cheap"));
        assertThat(model.problemProperty().get()).contains("'cheap'").contains("price").contains("numeric(8,2)");
        // no "Reading the keys…" left behind: the rows still shown are the last ones read
        assertThat(model.statusProperty().get()).startsWith("Could not read").contains("read before");
        model.removeFilter(model.filters().get(0));
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("1,000 rows");
        assertThat(model.items()).hasSize(1000);
    }

    @Test
    void aForeignKeyOpensTheReferencedRow() {
        model.open(ITEM);
        model.follow(model.tableProperty().get().foreignKeyOf("owner_id").orElseThrow(), "2");
        assertThat(model.tableProperty().get().ref()).isEqualTo(new TableRef("grid_vm_test", "owner"));
        assertThat(model.items()).hasSize(1);
        model.items().get(0);
        assertThat(model.items().get(0).values()).containsExactly("2", "second");
    }

    @Test
    void exportWritesTheFilteredRows(@TempDir Path folder) throws Exception {
        model.open(ITEM);
        model.addFilter(new RowFilter("price", FilterOperator.LESS_OR_EQUAL, "3"));
        Path file = folder.resolve("items.csv");
        model.exportCsv(file);
        assertThat(Files.readAllLines(file)).containsExactly("id,owner_id,price", "1,2,1.00", "2,1,2.00", "3,2,3.00");
        assertThat(model.exportProperty().get()).isNull();
        assertThat(model.statusProperty().get()).contains("Exported 3 rows");
    }

    @Test
    void aTableDroppedWhileOpenIsSaid() throws Exception {
        model.open(ITEM);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE grid_vm_test.item");
        }
        model.reload();
        assertThat(model.problemProperty().get()).contains("does not exist any more");
        model.open(new TableRef("grid_vm_test", "owner"));
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.items()).hasSize(2);
        assertThat(List.of(model.tableProperty().get().ref())).containsExactly(new TableRef("grid_vm_test", "owner"));
    }
}
