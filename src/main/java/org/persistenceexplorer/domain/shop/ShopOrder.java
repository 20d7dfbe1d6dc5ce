package org.persistenceexplorer.domain.shop;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Formula;

/**
 * An order ({@code shop.orders}; entity name ShopOrder, "Order" is a keyword in HQL). Its
 * {@link #getTotalCents() total} is computed by the database ({@code @Formula}, a sum over its
 * lines, read with the order and never written); its status is stored as a letter through
 * {@link OrderStatusCode}; {@code version} makes concurrent edits fail instead of overwriting
 * each other (optimistic locking). Not thread-safe.
 */
@Entity(name = "ShopOrder")
@Table(name = "orders", schema = "shop")
public class ShopOrder extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull(message = "an order has a customer")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @NotNull(message = "an order has a status")
    @Convert(converter = OrderStatusCode.class)
    @Column(name = "status", nullable = false, length = 1)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR) // the shop track's char(1)
    private OrderStatus status = OrderStatus.NEW;

    @Size(max = 200, message = "at most 200 characters")
    @Column(length = 200)
    private String note;

    @Version
    @Column(nullable = false)
    private int version;

    @Formula("(select coalesce(sum(l.quantity * l.unit_price_cents), 0) from shop.order_line l where l.order_id = id)")
    private long totalCents;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<OrderLine> lines = new ArrayList<>();

    protected ShopOrder() {
        // for Hibernate
    }

    public ShopOrder(Customer customer) {
        this.customer = customer;
    }

    /** Adds a line for the product at its current price. */
    public OrderLine add(Product product, int quantity) {
        OrderLine line = new OrderLine(this, product, quantity, product.getPriceCents());
        lines.add(line);
        return line;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** The optimistic-lock version: every UPDATE checks and increments it. */
    public int getVersion() {
        return version;
    }

    /** The sum of the lines as the database computed it when the order was read (0 for a new one). */
    public long getTotalCents() {
        return totalCents;
    }

    /** The sum of the lines in memory (what the formula will say once they are written). */
    public long linesTotalCents() {
        return lines.stream().mapToLong(l -> l.getQuantity() * l.getUnitPriceCents()).sum();
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
