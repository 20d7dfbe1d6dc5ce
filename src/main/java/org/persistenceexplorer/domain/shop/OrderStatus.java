package org.persistenceexplorer.domain.shop;

/** Where an order is; stored as a one-letter code by {@link OrderStatusCode}. */
public enum OrderStatus {
    NEW('N'), PAID('P'), SHIPPED('S'), CANCELLED('C');

    private final char code;

    OrderStatus(char code) {
        this.code = code;
    }

    /** The letter in the {@code status} column. */
    public char code() {
        return code;
    }

    /** The status of a letter, or an IllegalArgumentException naming it. */
    public static OrderStatus ofCode(char code) {
        for (OrderStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("No order status has the code '" + code + "'");
    }
}
