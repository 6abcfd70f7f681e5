package dev.oversell.catalogue.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * {@link StockItem} with a {@code @Version}: Hibernate writes it as
 * {@code UPDATE stock_item SET stock = ?, version = ? WHERE product = ? AND version = ?} (the version read, plus
 * one) and, when no row matches because another transaction changed the row since it was read, throws an
 * optimistic lock failure instead of writing.
 */
@Entity
@Table(name = "stock_item")
public class VersionedStockItem {

    @Id
    private String product;

    private long stock;

    @Version
    private long version;

    protected VersionedStockItem() {
        // for Hibernate
    }

    public String product() {
        return product;
    }

    public long stock() {
        return stock;
    }

    /** Takes {@code units} out of stock (the caller has checked there are that many). */
    public void take(int units) {
        stock -= units;
    }
}
