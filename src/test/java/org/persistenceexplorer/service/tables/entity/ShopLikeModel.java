package org.persistenceexplorer.service.tables.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Formula;

/**
 * A small model with what the transactions lab's shop brings (single-table inheritance of
 * products, a joined hierarchy, a {@code @Formula} total, an AttributeConverter, cascade with
 * orphan removal, a callback), so the entity-model reader is proven generic before the shop
 * lands. Mapped only in a test SessionFactory; no tables are needed to read the metamodel.
 */
final class ShopLikeModel {

    static final List<Class<?>> ENTITIES = List.of(Product.class, PhysicalProduct.class, DigitalProduct.class,
            ShopOrder.class, OrderLine.class, Payment.class, CardPayment.class);

    private ShopLikeModel() {
    }

    enum Status { NEW, PAID, SHIPPED }

    @Converter
    public static class StatusConverter implements AttributeConverter<Status, String> {
        @Override
        public String convertToDatabaseColumn(Status status) {
            return status == null ? null : status.name().substring(0, 1);
        }

        @Override
        public Status convertToEntityAttribute(String code) {
            return code == null ? null : switch (code) {
                case "N" -> Status.NEW;
                case "P" -> Status.PAID;
                default -> Status.SHIPPED;
            };
        }
    }

    @Entity(name = "ModelProduct")
    @Table(name = "product", schema = "model_test")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind")
    public abstract static class Product {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_ids")
        @SequenceGenerator(name = "product_ids", sequenceName = "model_test.product_id_seq", allocationSize = 10)
        Long id;
        @NotBlank
        @Column(nullable = false)
        String name;
        @Positive
        BigDecimal price;
    }

    @Entity(name = "ModelPhysicalProduct")
    @DiscriminatorValue("physical")
    public static class PhysicalProduct extends Product {
        @Column(name = "weight_grams")
        Integer weightGrams;
    }

    @Entity(name = "ModelDigitalProduct")
    @DiscriminatorValue("digital")
    public static class DigitalProduct extends Product {
        @Column(name = "download_url")
        String downloadUrl;
    }

    @Entity(name = "ModelOrder")
    @Table(name = "shop_order", schema = "model_test")
    public static class ShopOrder {
        @Id
        Long id;
        @Convert(converter = StatusConverter.class)
        Status status;
        @Formula("(select sum(l.quantity * l.unit_price) from model_test.order_line l where l.order_id = id)")
        BigDecimal total;
        @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
        List<OrderLine> lines = new ArrayList<>();
        @Column(name = "touched")
        java.time.Instant touched;

        @PreUpdate
        void touch() {
            touched = java.time.Instant.now();
        }
    }

    @Entity(name = "ModelOrderLine")
    @Table(name = "order_line", schema = "model_test")
    public static class OrderLine {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @ManyToOne(fetch = FetchType.EAGER, optional = false)
        @JoinColumn(name = "order_id")
        ShopOrder order;
        @ManyToOne(fetch = FetchType.LAZY, cascade = {CascadeType.PERSIST, CascadeType.MERGE})
        @JoinColumn(name = "product_id")
        Product product;
        int quantity;
        @Column(name = "unit_price")
        BigDecimal unitPrice;
    }

    @Entity(name = "ModelPayment")
    @Table(name = "payment", schema = "model_test")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Payment {
        @Id
        Long id;
        BigDecimal amount;
    }

    @Entity(name = "ModelCardPayment")
    @Table(name = "card_payment", schema = "model_test")
    public static class CardPayment extends Payment {
        @Column(name = "card_last4")
        String cardLast4;
    }
}
