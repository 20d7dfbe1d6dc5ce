package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** A product on a shelf: checkout takes it out of {@code stock}. Not thread-safe. */
@Entity
@DiscriminatorValue("PHYSICAL")
public class PhysicalProduct extends Product {

    @NotNull(message = "a physical product has a stock")
    @PositiveOrZero(message = "stock cannot be negative")
    @Column(name = "stock")
    private Integer stock;

    @Column(name = "weight_grams")
    private Integer weightGrams;

    protected PhysicalProduct() {
        // for Hibernate
    }

    public PhysicalProduct(String sku, String name, long priceCents, int stock, int weightGrams) {
        super(sku, name, priceCents);
        this.stock = stock;
        this.weightGrams = weightGrams;
    }

    public int getStock() {
        return stock;
    }

    public Integer getWeightGrams() {
        return weightGrams;
    }

    @Override
    public void reserve(int quantity) throws OutOfStock {
        if (quantity > stock) {
            throw new OutOfStock(getName(), stock, quantity);
        }
        stock -= quantity;
    }
}
