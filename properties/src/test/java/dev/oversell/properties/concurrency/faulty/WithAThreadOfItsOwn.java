package dev.oversell.properties.concurrency.faulty;

import dev.oversell.catalogue.memory.SynchronizedInventory;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A correct inventory (a monitor around the specification) that starts a thread of its own when built, as a
 * design with a reporter, a flusher or a pool does. {@link #close()} ends the thread if built with
 * {@code endsItsThreadOnClose}; otherwise the thread outlives the inventory: a leak, one thread per instance.
 */
public final class WithAThreadOfItsOwn implements Inventory {

    private final Inventory inventory;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final boolean endsItsThreadOnClose;

    public WithAThreadOfItsOwn(Map<String, Long> initialStock, boolean endsItsThreadOnClose) {
        this.inventory = new SynchronizedInventory(initialStock);
        this.endsItsThreadOnClose = endsItsThreadOnClose;
        Thread reporter = new Thread(this::awaitClose, "inventory-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return inventory.buy(request);
    }

    @Override
    public long stock(String product) {
        return inventory.stock(product);
    }

    @Override
    public void restock(String product, long units) {
        inventory.restock(product, units);
    }

    @Override
    public void close() {
        inventory.close();
        if (endsItsThreadOnClose) {
            closed.countDown();
        }
    }
}
