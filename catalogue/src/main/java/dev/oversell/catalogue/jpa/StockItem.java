package dev.oversell.catalogue.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product's stock as a JPA entity: the row of {@code stock_item} (created by the design's Flyway migration,
 * never by Hibernate). Changing {@link #stock} in a transaction is all it takes to write it: Hibernate's dirty
 * checking sends {@code UPDATE stock_item SET stock = ? WHERE product = ?} when the transaction commits.
 */
@Entity
@Table(name = "stock_item")
public class StockItem {

    @Id
    private String product;

    private long stock;

    protected StockItem() {
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
