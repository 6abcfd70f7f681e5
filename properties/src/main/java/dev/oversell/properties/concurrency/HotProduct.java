package dev.oversell.properties.concurrency;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The concurrency checks' world: two products with little stock, bought one or two units at a time. Stock
 * that is not a multiple of the quantity (3 units of {@link #A}) makes two-unit buyers collide on the last
 * units; two products make a design that mixes them up (shared state, a lock taken on the wrong product)
 * show. Lincheck generates these values as operation arguments and prints them in its scenarios
 * ({@code buy(1, A, 2)}).
 */
public enum HotProduct {
    A("sku-a", 3),
    B("sku-b", 2);

    /** The quantities a buyer asks for: {@code 1..MAX_QUANTITY}. */
    static final int MAX_QUANTITY = 2;

    final String sku;
    final long initialUnits;

    HotProduct(String sku, long initialUnits) {
        this.sku = sku;
        this.initialUnits = initialUnits;
    }

    static Map<String, Long> initialStock() {
        Map<String, Long> stock = new LinkedHashMap<>();
        for (HotProduct product : values()) {
            stock.put(product.sku, product.initialUnits);
        }
        return stock;
    }

    static String requestId(int id) {
        return "r" + id;
    }
}
