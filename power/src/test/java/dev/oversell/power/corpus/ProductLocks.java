package dev.oversell.power.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One monitor per product, as a database holds one row lock per product: {@link #holding} takes the locks of the
 * products given, in the order given, runs its body holding them all, and releases them. In which order a design
 * hands it the products is the design's choice, and its bug or its fix.
 */
final class ProductLocks {

    private final Map<String, Object> locks = new HashMap<>();

    ProductLocks(Iterable<String> products) {
        products.forEach(product -> locks.put(product, new Object()));
    }

    /** Runs {@code body} holding the lock of every product of {@code products}, taken in that order. */
    <T> T holding(List<String> products, Supplier<T> body) {
        if (products.isEmpty()) {
            return body.get();
        }
        synchronized (locks.get(products.get(0))) {
            return holding(products.subList(1, products.size()), body);
        }
    }
}
