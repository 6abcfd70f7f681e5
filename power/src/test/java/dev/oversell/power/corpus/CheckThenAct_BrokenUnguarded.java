package dev.oversell.power.corpus;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;

import java.util.Map;

/**
 * The specification's steps with nothing around them: read the stock, decide, write the stock less the units.
 * <pre>
 *   stock of A = 3
 *   T1: read 3, 3 &gt;= 2             T2: read 3, 3 &gt;= 2
 *   T1: write 1, Purchased         T2: write 1, Purchased     -- Oversell: 4 units sold, only 3 existed
 * </pre>
 */
@KnownBug(value = "check-then-act with no coordination at all", caughtBy = {Family.LINCHECK, Family.JCSTRESS},
        seenAs = Finding.OVERSOLD, scenarios = "LastUnit")
@RunsByDefault(Family.JCSTRESS)
public final class CheckThenAct_BrokenUnguarded implements Inventory {

    private final Shelf shelf;

    public CheckThenAct_BrokenUnguarded(Map<String, Long> initialStock) {
        this.shelf = new Shelf(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return shelf.buy(request);
    }

    @Override
    public long stock(String product) {
        return shelf.stock(product);
    }

    @Override
    public void restock(String product, long units) {
        shelf.restock(product, units);
    }
}
