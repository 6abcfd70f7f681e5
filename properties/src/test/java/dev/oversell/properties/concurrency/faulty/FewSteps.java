package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;

import java.util.Map;

/**
 * A correct inventory with as few shared steps as one can have, for the harness's checks world only (products
 * {@code sku-a} and {@code sku-b}, request ids {@code r1}..{@code r9}): one monitor around two counters and an
 * array of answers, quick to model-check. Not a defect: the harness's test of what a held cell says it covered.
 */
public final class FewSteps implements Inventory {

    private final long[] units = new long[2];
    private final PurchaseRequest[] requests = new PurchaseRequest[10];
    private final PurchaseResult[] answers = new PurchaseResult[10];

    public FewSteps(Map<String, Long> initialStock) {
        units[0] = initialStock.get("sku-a");
        units[1] = initialStock.get("sku-b");
    }

    private static int product(String sku) {
        return switch (sku) {
            case "sku-a" -> 0;
            case "sku-b" -> 1;
            default -> throw new UnknownProductException(sku);
        };
    }

    @Override
    public synchronized PurchaseResult buy(PurchaseRequest request) {
        int p = product(request.product());
        int id = request.requestId().charAt(1) - '0';
        if (answers[id] != null) {
            if (!requests[id].equals(request)) {
                throw new RequestIdConflictException(requests[id], request);
            }
            return answers[id];
        }
        long seen = units[p];
        PurchaseResult result = seen >= request.quantity() ? PurchaseResult.purchased(request)
                : PurchaseResult.outOfStock(request, seen);
        units[p] = seen - result.unitsSold();
        requests[id] = request;
        answers[id] = result;
        return result;
    }

    @Override
    public synchronized long stock(String product) {
        return units[product(product)];
    }

    @Override
    public synchronized void restock(String product, long added) {
        units[product(product)] += added;
    }
}
