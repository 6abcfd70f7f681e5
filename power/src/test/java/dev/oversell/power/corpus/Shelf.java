package dev.oversell.power.corpus;

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
    private final Map<String, PurchaseRequest> requests = new HashMap<>();
    private final Map<String, PurchaseResult> answers = new HashMap<>();

    Shelf(Map<String, Long> initialStock) {
        this.units = new HashMap<>(SequentialInventory.copyOfValid(initialStock));
    }

    /** The answer given earlier to this request id, or null; the same id with other content is a conflict. */
    PurchaseResult earlierAnswer(PurchaseRequest request) {
        PurchaseRequest first = requests.get(request.requestId());
        if (first != null && !first.equals(request)) {
            throw new RequestIdConflictException(first, request);
        }
        return answers.get(request.requestId());
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
