package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;

/**
 * Creation and change times kept by lifecycle callbacks: Hibernate calls {@link #stampCreated()}
 * before the INSERT and {@link #stampUpdated()} before each UPDATE, so no code has to remember.
 * Not thread-safe, like every managed entity.
 */
@MappedSuperclass
public abstract class Timestamped {

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @PrePersist
    void stampCreated() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdated() {
        updatedAt = Instant.now();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
