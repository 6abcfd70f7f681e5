package dev.oversell.properties.conformance;

import dev.oversell.model.Order;
import dev.oversell.model.PurchaseRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random, seeded operation sequences over two real products and one unknown one, weighted towards what
 * breaks inventories: small stock, purchases of more than is left, retried requests, reused ids, and bad
 * input (unknown product, restock of zero or less, restock that overflows).
 */
final class OperationGenerator {

    static final List<String> PRODUCTS = List.of("sku-a", "sku-b");
    static final String UNKNOWN = "ghost";

    private final SplittableRandom random;
    private final List<PurchaseRequest> sent = new ArrayList<>();
    private final boolean resubmits;
    private final boolean restocks;
    private final boolean orders;
    private final List<Order> placed = new ArrayList<>();
    private int nextId;

    OperationGenerator(long seed) {
        this(seed, true, true);
    }

    /**
     * {@code resubmits} false: no retried or reused request id (for a design that does not de-duplicate them);
     * {@code restocks} false: no restock, a stock read in its place (for a design declared without restock).
     */
    OperationGenerator(long seed, boolean resubmits, boolean restocks) {
        this(seed, resubmits, restocks, false);
    }

    /**
     * {@code orders} true: a quarter of the operations are orders of one to three lines (an unknown product among
     * them at times), retried orders, and ids reused across orders and purchases (none of these two with
     * {@code resubmits} false); false: the very sequences a design that takes no orders has always been sent, seed
     * for seed.
     */
    OperationGenerator(long seed, boolean resubmits, boolean restocks, boolean orders) {
        this.random = new SplittableRandom(seed);
        this.resubmits = resubmits;
        this.restocks = restocks;
        this.orders = orders;
    }

    Map<String, Long> initialStock() {
        Map<String, Long> stock = new LinkedHashMap<>();
        for (String product : PRODUCTS) {
            stock.put(product, (long) random.nextInt(0, 6));
        }
        return stock;
    }

    List<Operation> sequence(int length) {
        List<Operation> operations = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            operations.add(next());
        }
        return operations;
    }

    private Operation next() {
        if (orders && random.nextInt(4) == 0) {
            return order();
        }
        int dice = random.nextInt(100);
        if (dice < 45) {
            return buy(new PurchaseRequest("r" + nextId++, product(), random.nextInt(1, 4)));
        }
        if (dice < 60 && !resubmits) {
            return buy(new PurchaseRequest("r" + nextId++, product(), random.nextInt(1, 4)));
        }
        if (dice < 55 && !sent.isEmpty()) {
            return new Operation.Buy(pickSent());                                       // a retry
        }
        if (dice < 60 && !sent.isEmpty()) {
            PurchaseRequest first = pickSent();                                          // a reused id
            return new Operation.Buy(new PurchaseRequest(first.requestId(), product(), first.quantity() + 1));
        }
        if (dice < 75 && restocks) {
            return new Operation.Restock(product(), restockUnits());
        }
        return new Operation.ReadStock(product());
    }

    /** An order: a new one, or, unless the design does not de-duplicate ids, a retry or an id reused. */
    private Operation order() {
        int dice = random.nextInt(100);
        if (resubmits && dice < 15 && !placed.isEmpty()) {
            return new Operation.Place(placed.get(random.nextInt(placed.size())));        // a retry
        }
        if (resubmits && dice < 25 && (!placed.isEmpty() || !sent.isEmpty())) {         // an id reused
            String id = !sent.isEmpty() && (placed.isEmpty() || random.nextBoolean())
                    ? pickSent().requestId() : placed.get(random.nextInt(placed.size())).requestId();
            return new Operation.Place(new Order(id, lines()));
        }
        Order order = new Order("r" + nextId++, lines());
        placed.add(order);
        return new Operation.Place(order);
    }

    /** One or two lines of the real products, no product twice, in a random order; at times an unknown one too. */
    private List<Order.Line> lines() {
        List<String> products = new ArrayList<>(PRODUCTS);
        List<Order.Line> lines = new ArrayList<>();
        int count = random.nextInt(1, PRODUCTS.size() + 1);
        for (int i = 0; i < count; i++) {
            lines.add(Order.line(products.remove(random.nextInt(products.size())), random.nextInt(1, 4)));
        }
        if (random.nextInt(8) == 0) {
            lines.add(random.nextInt(lines.size() + 1), Order.line(UNKNOWN, 1));
        }
        return lines;
    }

    private Operation buy(PurchaseRequest request) {
        sent.add(request);
        return new Operation.Buy(request);
    }

    private PurchaseRequest pickSent() {
        return sent.get(random.nextInt(sent.size()));
    }

    private String product() {
        return random.nextInt(10) == 0 ? UNKNOWN : PRODUCTS.get(random.nextInt(PRODUCTS.size()));
    }

    private long restockUnits() {
        int dice = random.nextInt(20);
        if (dice == 0) {
            return 0;
        }
        if (dice == 1) {
            return -random.nextInt(1, 5);
        }
        if (dice == 2) {
            return Long.MAX_VALUE - random.nextInt(0, 3);
        }
        return random.nextInt(1, 4);
    }
}
