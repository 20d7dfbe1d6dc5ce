package org.persistenceexplorer.domain.shop;

/** Checkout asked for more of a product than is in stock. Immutable. */
public final class OutOfStock extends Exception {

    public OutOfStock(String product, int inStock, int wanted) {
        super("Only " + inStock + " of \"" + product + "\" in stock, " + wanted + " wanted.");
    }
}
