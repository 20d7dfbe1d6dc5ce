package org.persistenceexplorer.service.tables.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.shop.ShopModel;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;
import org.persistenceexplorer.service.log.StatementLog;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.tables.TableCatalog;
import org.persistenceexplorer.service.tables.TableDescription;
import org.persistenceexplorer.service.tables.TableRef;
import org.persistenceexplorer.service.txlab.ShopData;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The entity form on the shop's inheritance, read from Hibernate's mapping model on the real
 * server: a SINGLE_TABLE product row opens as its own subclass with the root's fields and its
 * own; an order shows the timestamps it inherits from a {@code @MappedSuperclass}; the
 * {@code @Formula} total, the version and the creation time are read-only, and saving a note
 * sends an UPDATE with the note and the callback's updated_at under the version check, never the
 * creation time or the total. The
 * shop's sample rows are written again afterwards.
 */
class InheritedFormTest {

    private static final StatementLog LOG = new StatementLog();
    private static ShopData shop;
    private static OrmSessions orm;
    private static EntityEditing editing;
    private static TableCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        DataSource dataSource = TestEngines.sql().database().dataSource();
        shop = new ShopData(() -> dataSource);
        shop.migrate();
        shop.reset();
        TestEngines.sql().recorder().addListener(LOG);
        orm = new OrmSessions(() -> dataSource, ShopModel.ENTITIES);
        orm.open();
        editing = new EntityEditing(orm, LOG);
        catalog = new TableCatalog(() -> dataSource);
    }

    @AfterAll
    static void close() throws Exception {
        TestEngines.sql().recorder().removeListener(LOG);
        orm.close();
        shop.reset();
    }

    private static EntityField field(EntityEdit edit, String attribute) {
        return edit.fields().stream().filter(f -> f.attribute().equals(attribute)).findFirst().orElseThrow(
                () -> new AssertionError(attribute + " is not in the form: " + edit.fields()));
    }

    @Test
    void aProductRowOpensAsItsSubclassWithTheRootsFieldsAndItsOwn() throws Exception {
        TableDescription product = catalog.describe(new TableRef("shop", "product"));
        assertThat(editing.entityOf(product.ref())).contains("Product");

        try (EntityEdit mug = editing.load(product, "1").edit()) {
            assertThat(mug.entityName()).isEqualTo("PhysicalProduct");
            assertThat(mug.fields()).extracting(EntityField::attribute)
                    .containsExactly("id", "sku", "name", "priceCents", "stock", "weightGrams");
            assertThat(field(mug, "stock").value()).isEqualTo("10");
            assertThat(field(mug, "sku").editable()).isTrue();
            EditOutcome saved = mug.save(Map.of("stock", "9"));
            assertThat(saved.kind()).isEqualTo(EditOutcome.Kind.DONE);
        }
        try (EntityEdit ebook = editing.load(product, "4").edit()) {
            assertThat(ebook.entityName()).isEqualTo("DigitalProduct");
            assertThat(field(ebook, "downloadUrl").value()).isEqualTo("https://shop.example/dl/tx");
            assertThat(ebook.fields()).extracting(EntityField::attribute).doesNotContain("stock");
        }
        assertThat(editing.load(product, "1").edit().fields()).filteredOn(f -> f.attribute().equals("stock"))
                .extracting(EntityField::value).containsExactly("9");
        assertThatThrownBy(() -> editing.startNew(product)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A new Product is always one of its subclasses");
    }

    @Test
    void anOrderShowsItsInheritedTimestampsAndKeepsTheComputedTotalTheVersionAndTheCallbackStampReadOnly() throws Exception {
        TableDescription orders = catalog.describe(new TableRef("shop", "orders"));
        try (EntityEdit order = editing.load(orders, "1").edit()) {
            assertThat(order.fields()).extracting(EntityField::attribute)
                    .containsExactly("id", "customer", "status", "note", "version", "totalCents", "createdAt", "updatedAt");
            EntityField total = field(order, "totalCents");
            assertThat(total.value()).as("2 x 1200 + 900, summed by the database").isEqualTo("3300");
            assertThat(total.editable()).isFalse();
            assertThat(total.column()).isEqualTo("(computed: @Formula)");
            assertThat(field(order, "version").editable()).isFalse();
            assertThat(field(order, "createdAt").editable()).as("updatable = false").isFalse();
            assertThat(field(order, "createdAt").value()).isNotNull();
            assertThat(field(order, "updatedAt").editable()).as("stamped by @PreUpdate, so read-only in the form").isFalse();
            assertThat(field(order, "note").editable()).isTrue();
            assertThat(order.check(Map.of("updatedAt", "2020-01-01T00:00:00Z"))).containsEntry("updatedAt", "cannot be changed here");
            assertThat(field(order, "status").value()).isEqualTo("PAID");
            assertThat(order.check(Map.of("totalCents", "1", "version", "7")))
                    .containsOnlyKeys("totalCents", "version").containsValue("cannot be changed here");
            assertThat(order.check(Map.of("status", "lost"))).containsKey("status");
            String before = field(order, "updatedAt").value();

            EditOutcome saved = order.save(Map.of("note", "gift wrap, please"));

            assertThat(saved.kind()).isEqualTo(EditOutcome.Kind.DONE);
            List<CapturedStatement> updates = saved.statements().stream()
                    .filter(s -> s.kind() == StatementKind.UPDATE).toList();
            assertThat(updates).singleElement().satisfies(u -> assertThat(u.text().replaceAll("\\s+", " "))
                    .startsWith("update shop.orders set ").contains("note=?", "updated_at=?", "version=?")
                    .endsWith(" where id=? and version=?")
                    .as("neither the creation time (updatable = false) nor the @Formula is written")
                    .doesNotContain("created_at", "total"));
            assertThat(field(order, "updatedAt").value()).as("@PreUpdate stamped it").isNotEqualTo(before);
        }
    }
}
