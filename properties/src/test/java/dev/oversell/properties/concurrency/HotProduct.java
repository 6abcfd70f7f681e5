package dev.oversell.properties.concurrency;

import java.util.Map;

/** The concurrency checks' world: one hot product with little stock, so that buyers collide on it. */
final class HotProduct {

    static final String SKU = "sku";
    static final long INITIAL_UNITS = 2;

    private HotProduct() {
    }

    static Map<String, Long> initialStock() {
        return Map.of(SKU, INITIAL_UNITS);
    }

    static String requestId(int id) {
        return "r" + id;
    }
}
