package org.persistenceexplorer.domain.shop;

import java.util.List;

/**
 * The shop sample's entity classes (schema {@code shop}, migration track {@code shop}), handed
 * to the app's one Hibernate beside the HR and loading-lab entities. Immutable.
 */
public final class ShopModel {

    /** Every mapped class of the shop (the inheritance root first). */
    public static final List<Class<?>> ENTITIES = List.of(Product.class, PhysicalProduct.class,
            DigitalProduct.class, Customer.class, ShopOrder.class, OrderLine.class, Payment.class);

    /** The schema the shop track migrates and the entities live in. */
    public static final String SCHEMA = "shop";

    private ShopModel() {
    }
}
