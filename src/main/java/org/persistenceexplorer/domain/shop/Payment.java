package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/** Money taken for an order ({@code shop.payment}); its time is set by a lifecycle callback. Not thread-safe. */
@Entity
@Table(name = "payment", schema = "shop")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private ShopOrder order;

    @Positive(message = "a payment is more than 0")
    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    @NotBlank(message = "a payment method is required")
    @Column(nullable = false, length = 20)
    private String method;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected Payment() {
        // for Hibernate
    }

    public Payment(ShopOrder order, long amountCents, String method) {
        this.order = order;
        this.amountCents = amountCents;
        this.method = method;
    }

    @PrePersist
    void stampCreated() {
        createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public String getMethod() {
        return method;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
