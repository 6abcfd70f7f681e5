package dev.oversell.power.corpus;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.power.CorrectTwin;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The single-thread executor it is handed owns the shelf, and every call is one whole task: the owner thread
 * checks and takes in the same task. The twin of {@link OwnerThreadTakesWhatTheCallerChecked_Broken}.
 */
@CorrectTwin("one owner thread (a single-thread executor) checks and takes in one task")
public final class OwnerThreadChecksAndTakes implements Inventory {

    private final ShelfOnOneThread shelf;

    public OwnerThreadChecksAndTakes(Map<String, Long> initialStock, ExecutorService owner) {
        this.shelf = new ShelfOnOneThread(owner, new Shelf(initialStock));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return shelf.submit(s -> s.buy(request));
    }

    @Override
    public long stock(String product) {
        return shelf.submit(s -> s.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        shelf.submit(s -> {
            s.restock(product, units);
            return null;
        });
    }

    @Override
    public void close() {
        shelf.close();
    }
}
