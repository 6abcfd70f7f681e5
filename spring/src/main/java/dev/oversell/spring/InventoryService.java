package dev.oversell.spring;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

/**
 * What each design's service bean offers its {@link SpringContextInventory}: a purchase and a stock read, each
 * a transaction of its own ({@code @Transactional} on the implementation).
 */
public interface InventoryService {

    PurchaseResult buy(PurchaseRequest request);

    long stock(String product);
}
