package com.example.bootshop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product's stock: a row of {@code stock_item} (db/migration/V1__stock.sql). */
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

    /** Takes {@code units} out of stock; the caller has checked there are that many. */
    public void take(int units) {
        stock -= units;
    }
}
