package dev.oversell.power.corpus;

import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.model.reference.SequentialInventory;

import java.util.HashMap;
import java.util.Map;

/**
 * The corpus designs' state, in the steps a design composes: the stock of each product, and the answer given to
 * each request id. Not thread-safe, and every step is right on its own: what each design gets wrong (or right) is
 * only how it guards the steps and in which order it takes them, so that each file shows its bug and nothing else.
 */
final class Shelf {

    private final Map<String, Long> units;
    /** The first purchase or order sent with each id, and its answer: orders and purchases share one space of ids. */
    private final Map<String, Object> requests = new HashMap<>();
    private final Map<String, Object> answers = new HashMap<>();

    Shelf(Map<String, Long> initialStock) {
        this.units = new HashMap<>(SequentialInventory.copyOfValid(initialStock));
    }

    /** The answer given earlier to this request id, or null; the same id with other content is a conflict. */
    PurchaseResult earlierAnswer(PurchaseRequest request) {
        return (PurchaseResult) earlier(request.requestId(), request);
    }

    /** The answer given earlier to this order's id, or null; the same id with other content is a conflict. */
    OrderResult earlierAnswer(Order order) {
        return (OrderResult) earlier(order.requestId(), order);
    }

    private Object earlier(String requestId, Object request) {
        Object first = requests.get(requestId);
        if (first != null && !first.equals(request)) {
            throw new RequestIdConflictException(requestId, first, request);
        }
        return answers.get(requestId);
    }

    long stock(String product) {
        Long stock = units.get(product);
        if (stock == null) {
            throw new UnknownProductException(product);
        }
        return stock;
    }

    /** What the specification answers to {@code request} on {@code seen} units; changes nothing. */
    static PurchaseResult decide(PurchaseRequest request, long seen) {
        return seen >= request.quantity() ? PurchaseResult.purchased(request) : PurchaseResult.outOfStock(request, seen);
    }

    /**
     * What the specification answers to {@code order} on the stock each line's product reads now (an unknown product
     * on any line is an error); changes nothing.
     */
    OrderResult decide(Order order) {
        order.lines().forEach(line -> stock(line.product()));
        for (Order.Line line : order.lines()) {
            long seen = stock(line.product());
            if (seen < line.quantity()) {
                return OrderResult.refused(order, line, seen);
            }
        }
        return OrderResult.placed(order);
    }

    /** Takes every line of a placed {@code result} from the stock each product reads now; nothing if refused. */
    void take(OrderResult result) {
        if (result instanceof OrderResult.Placed placed) {
            placed.lines().forEach(line -> set(line.product(), stock(line.product()) - line.quantity()));
        }
    }

    /** Records the answer to {@code order}. */
    void answer(Order order, OrderResult result) {
        requests.put(order.requestId(), order);
        answers.put(order.requestId(), result);
    }

    /** The whole order, as the specification does it: earlier answer, decide every line, take them all, record. */
    OrderResult place(Order order) {
        OrderResult earlier = earlierAnswer(order);
        if (earlier != null) {
            return earlier;
        }
        OrderResult result = decide(order);
        take(result);
        answer(order, result);
        return result;
    }

    /** Writes {@code stock} units for {@code product}, whatever was there. */
    void set(String product, long stock) {
        this.units.put(product, stock);
    }

    /** Records the answer to {@code request}. */
    void answer(PurchaseRequest request, PurchaseResult result) {
        requests.put(request.requestId(), request);
        answers.put(request.requestId(), result);
    }

    /** The whole purchase, as the specification does it: earlier answer, decide, take, record. */
    PurchaseResult buy(PurchaseRequest request) {
        PurchaseResult earlier = earlierAnswer(request);
        if (earlier != null) {
            return earlier;
        }
        long seen = stock(request.product());
        PurchaseResult result = decide(request, seen);
        set(request.product(), seen - result.unitsSold());
        answer(request, result);
        return result;
    }

    /** Units restocked after validation, as the specification does it (a read, then a write). */
    void restock(String product, long added) {
        long current = stock(product);
        set(product, plus(product, current, added));
    }

    /** {@code current + added}, refusing what the contract refuses. */
    static long plus(String product, long current, long added) {
        if (added <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + added + " for " + product);
        }
        if (current > Long.MAX_VALUE - added) {
            throw new StockOverflowException(product, current, added);
        }
        return current + added;
    }
}
