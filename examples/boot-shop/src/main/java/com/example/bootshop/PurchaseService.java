package com.example.bootshop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's checkout, two ways, each a {@code @Transactional} method over {@link StockRepository}.
 *
 * <p>{@link #buyGuarded}: a guarded UPDATE ({@link StockRepository#takeIfEnough}); the engine re-checks
 * {@code stock >= ?} on the row's latest committed value under the row lock, so two buyers of the last unit cannot
 * both succeed. Never oversells.
 *
 * <p>{@link #buyReadModifyWrite}: the classic Spring Boot oversell, at READ COMMITTED: find the row, check its
 * stock in Java, decrement the entity; Hibernate's dirty checking writes {@code update stock_item set stock=?}
 * at commit. Two buyers both read 1, both write 0, both are told "purchased":
 * <pre>
 *   -- T1
 *   select ... from stock_item where product='sku-1';   -- ('sku-1', 1)
 *   -- T2
 *   select ... from stock_item where product='sku-1';   -- ('sku-1', 1)
 *   -- T1
 *   update stock_item set stock=0 where product='sku-1'; COMMIT;
 *   -- T2
 *   update stock_item set stock=0 where product='sku-1'; COMMIT;   -- oversold: 2 sold, 1 existed
 * </pre>
 */
@Service
public class PurchaseService {

    /** What a purchase answered: taken, too few, or no such product; with the stock it saw when refused. */
    public enum Outcome { PURCHASED, OUT_OF_STOCK, UNKNOWN_PRODUCT }

    /** A purchase's answer; {@code stockSeen} is meaningful when it is {@link Outcome#OUT_OF_STOCK}. */
    public record Purchase(Outcome outcome, long stockSeen) {
    }

    private final StockRepository stock;

    public PurchaseService(StockRepository stock) {
        this.stock = stock;
    }

    @Transactional
    public Purchase buyGuarded(String product, int units) {
        if (stock.takeIfEnough(product, units) == 1) {
            return new Purchase(Outcome.PURCHASED, 0);
        }
        return stock.findById(product).map(item -> new Purchase(Outcome.OUT_OF_STOCK, item.stock()))
                .orElse(new Purchase(Outcome.UNKNOWN_PRODUCT, 0));
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Purchase buyReadModifyWrite(String product, int units) {
        StockItem item = stock.findById(product).orElse(null);
        if (item == null) {
            return new Purchase(Outcome.UNKNOWN_PRODUCT, 0);
        }
        if (item.stock() < units) {
            return new Purchase(Outcome.OUT_OF_STOCK, item.stock());
        }
        item.take(units); // written by dirty checking when the transaction commits
        return new Purchase(Outcome.PURCHASED, 0);
    }

    @Transactional(readOnly = true)
    public long stock(String product) {
        return stock.findById(product).map(StockItem::stock).orElse(-1L);
    }

    /** Adds {@code units}; false if there is no such product or the stock would pass {@link Long#MAX_VALUE}. */
    @Transactional
    public boolean restock(String product, long units) {
        return stock.add(product, units, Long.MAX_VALUE - units) == 1;
    }
}
