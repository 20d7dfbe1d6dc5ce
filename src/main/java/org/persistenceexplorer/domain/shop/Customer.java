package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Someone who orders in the shop sample ({@code shop.customer}). Not thread-safe. */
@Entity
@Table(name = "customer", schema = "shop")
public class Customer extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "a name is required")
    @Size(max = 120, message = "at most 120 characters")
    @Column(nullable = false, length = 120)
    private String name;

    @NotBlank(message = "an email address is required")
    @Email(message = "not an email address")
    @Column(nullable = false, unique = true, length = 200)
    private String email;

    protected Customer() {
        // for Hibernate
    }

    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }
}
