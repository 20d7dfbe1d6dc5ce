package org.persistenceexplorer.domain.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A download: never out of stock, reserving it changes nothing. Not thread-safe. */
@Entity
@DiscriminatorValue("DIGITAL")
public class DigitalProduct extends Product {

    @Column(name = "download_url", length = 300)
    private String downloadUrl;

    protected DigitalProduct() {
        // for Hibernate
    }

    public DigitalProduct(String sku, String name, long priceCents, String downloadUrl) {
        super(sku, name, priceCents);
        this.downloadUrl = downloadUrl;
    }

    public String getDownloadUrl() {
        return downloadUrl;
    }

    @Override
    public void reserve(int quantity) {
        // nothing to take from a shelf
    }
}
