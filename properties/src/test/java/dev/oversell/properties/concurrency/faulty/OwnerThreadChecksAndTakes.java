package dev.oversell.properties.concurrency.faulty;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A correct inventory on the single-thread executor it is handed: every call is one task, and the one thread
 * checks and takes in the same task ({@link SequentialInventory}), so no two calls ever overlap. Handed a pool
 * instead, the same code is a race: the executor's kind is part of what it claims.
 */
public final class OwnerThreadChecksAndTakes implements Inventory {

    private final ExecutorService owner;
    private final SequentialInventory shelf; // touched by the owner's tasks only

    public OwnerThreadChecksAndTakes(Map<String, Long> initialStock, ExecutorService owner) {
        this.owner = owner;
        this.shelf = new SequentialInventory(initialStock);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return onOwner(() -> shelf.buy(request));
    }

    @Override
    public long stock(String product) {
        return onOwner(() -> shelf.stock(product));
    }

    @Override
    public void restock(String product, long units) {
        onOwner(() -> {
            shelf.restock(product, units);
            return null;
        });
    }

    @Override
    public void close() {
        owner.shutdown();
    }

    /** Runs {@code task} on the owner thread and waits for it; its exception is the caller's. */
    static <T> T onOwner(ExecutorService owner, Callable<T> task) {
        try {
            return owner.submit(task).get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private <T> T onOwner(Callable<T> task) {
        return onOwner(owner, task);
    }
}
