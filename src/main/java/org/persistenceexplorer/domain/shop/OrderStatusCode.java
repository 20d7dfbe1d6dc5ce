package org.persistenceexplorer.domain.shop;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The attribute converter between {@link OrderStatus} and the one-letter {@code orders.status}
 * column ('N', 'P', 'S', 'C'): the database keeps a compact code, the model an enum.
 * Stateless and thread-safe.
 */
@Converter
public final class OrderStatusCode implements AttributeConverter<OrderStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrderStatus status) {
        return status == null ? null : String.valueOf(status.code());
    }

    @Override
    public OrderStatus convertToEntityAttribute(String code) {
        return code == null || code.isBlank() ? null : OrderStatus.ofCode(code.charAt(0));
    }
}
