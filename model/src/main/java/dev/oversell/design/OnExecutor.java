package dev.oversell.design;

import dev.oversell.model.ForwardingInventory;
import dev.oversell.model.Inventory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How a design that runs its calls on an executor it is handed is built: the {@link HandedExecutor kind} of
 * executor it is declared to run on, and the factory that takes one. A checker that controls threads (Lincheck's
 * model checker) hands it a substitute of that kind; every other checker, {@link #onRealExecutor a real one}.
 */
public record OnExecutor(HandedExecutor executor, ExecutorInventoryFactory factory) {

    public OnExecutor {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(factory, "factory");
    }

    /**
     * A fresh instance on a real executor of the declared kind, started for it alone; closing the instance closes
     * the design, then shuts the executor down and waits for its threads to end (a task still running after
     * ten seconds fails the close, naming the design).
     */
    public Inventory onRealExecutor(String design, Map<String, Long> initialStock) {
        ExecutorService started = executor.start(design);
        Inventory inventory;
        try {
            inventory = factory.create(initialStock, started);
        } catch (RuntimeException | Error failed) {
            started.shutdownNow();
            throw failed;
        }
        return new ExecutorOwningInventory(design, inventory, started);
    }

    /** The design, and the executor it was handed, released in that order. */
    private static final class ExecutorOwningInventory extends ForwardingInventory {

        private final String design;
        private final ExecutorService executor;

        ExecutorOwningInventory(String design, Inventory inventory, ExecutorService executor) {
            super(inventory);
            this.design = design;
            this.executor = executor;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                executor.shutdown();
                awaitTermination();
            }
        }

        private void awaitTermination() {
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                    throw new IllegalStateException(design + ": a task was still running on its executor ten seconds"
                            + " after close()");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}
