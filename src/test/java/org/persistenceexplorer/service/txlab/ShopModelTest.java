package org.persistenceexplorer.service.txlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.persistenceexplorer.domain.shop.Customer;
import org.persistenceexplorer.domain.shop.DigitalProduct;
import org.persistenceexplorer.domain.shop.OrderStatus;
import org.persistenceexplorer.domain.shop.PhysicalProduct;
import org.persistenceexplorer.domain.shop.Product;
import org.persistenceexplorer.domain.shop.ShopOrder;
import org.persistenceexplorer.service.orm.OrmSessions;
import org.persistenceexplorer.service.orm.SessionOptions;
import org.persistenceexplorer.testsupport.TestEngines;

/**
 * The shop track and its entities on the real PostgreSQL, in the app's one Hibernate: the
 * SINGLE_TABLE hierarchy reads both kinds, the @Formula total is the database's sum of the
 * lines, the status goes through the converter as a letter, lifecycle callbacks stamp times,
 * Bean Validation refuses a bad customer before anything is sent, @Version counts updates.
 */
class ShopModelTest {

    private static OrmSessions orm;
    private static ShopData shop;

    @BeforeAll
    static void open() throws Exception {
        shop = new ShopData(() -> TestEngines.sql().database().dataSource());
        assertThat(shop.migrate()).isEqualTo("2");
        shop.reset();
        orm = new OrmSessions(() -> TestEngines.sql().database().dataSource(), TestEngines.ENTITIES);
        orm.open();
    }

    @AfterAll
    static void close() throws Exception {
        orm.close();
        shop.reset();
    }

    @Test
    void theHierarchyTheFormulaTheConverterAndTheCallbacksWorkOnTheSampleRows() throws Exception {
        List<Product> products = orm.inTransaction(SessionOptions.DEFAULTS,
                s -> s.createQuery("from Product p order by p.id", Product.class).getResultList());
        assertThat(products).hasSize(5);
        assertThat(products.get(0)).isInstanceOf(PhysicalProduct.class);
        assertThat(((PhysicalProduct) products.get(0)).getStock()).isEqualTo(10);
        assertThat(products.get(4)).isInstanceOf(DigitalProduct.class);

        long orderId = orm.inTransaction(SessionOptions.DEFAULTS, s -> {
            Customer ben = s.find(Customer.class, 2L);
            ShopOrder order = new ShopOrder(ben);
            order.add(s.find(Product.class, 2L), 2);
            order.add(s.find(Product.class, 5L), 1);
            s.persist(order);
            return order.getId();
        });
        ShopOrder read = orm.inTransaction(SessionOptions.DEFAULTS, s -> s.find(ShopOrder.class, orderId));
        assertThat(read.getTotalCents()).as("@Formula: 2 x 2500 + 3900").isEqualTo(8900);
        assertThat(read.getStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(read.getVersion()).isZero();
        try (Connection c = TestEngines.sql().database().dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery("SELECT status FROM shop.orders WHERE id = " + orderId)) {
            rows.next();
            assertThat(rows.getString(1)).as("the converter writes the letter").isEqualTo("N");
        }

        orm.inTransaction(SessionOptions.DEFAULTS, s -> {
            s.find(ShopOrder.class, orderId).setStatus(OrderStatus.PAID);
            return null;
        });
        ShopOrder paid = orm.inTransaction(SessionOptions.DEFAULTS, s -> s.find(ShopOrder.class, orderId));
        assertThat(paid.getVersion()).isEqualTo(1);
        assertThat(paid.getUpdatedAt()).isAfterOrEqualTo(paid.getCreatedAt());
    }

    @Test
    void beanValidationRefusesABadCustomerBeforeTheInsert() {
        assertThatThrownBy(() -> orm.inTransaction(SessionOptions.DEFAULTS, s -> {
            s.persist(new Customer(" ", "not-an-email"));
            return null;
        })).isInstanceOf(ConstraintViolationException.class).hasMessageContaining("not an email address");
    }
}
