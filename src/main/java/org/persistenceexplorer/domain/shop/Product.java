package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Something the shop sells ({@code shop.product}): an inheritance hierarchy in one table
 * (SINGLE_TABLE), the column {@code kind} says which subclass a row is: {@link PhysicalProduct}
 * (has stock and weight) or {@link DigitalProduct} (a download, never out of stock).
 * Not thread-safe.
 */
@Entity
@Table(name = "product", schema = "shop")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING, length = 10)
public abstract class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "a SKU is required")
    @Size(max = 40, message = "at most 40 characters")
    @Column(nullable = false, unique = true, length = 40)
    private String sku;

    @NotBlank(message = "a name is required")
    @Column(nullable = false, length = 120)
    private String name;

    @PositiveOrZero(message = "cannot be negative")
    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    protected Product() {
        // for Hibernate
    }

    protected Product(String sku, String name, long priceCents) {
        this.sku = sku;
        this.name = name;
        this.priceCents = priceCents;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public long getPriceCents() {
        return priceCents;
    }

    /**
     * Takes {@code quantity} out of stock for an order.
     *
     * @throws OutOfStock when there are fewer than that many
     */
    public abstract void reserve(int quantity) throws OutOfStock;
}
