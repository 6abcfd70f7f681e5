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

    /**
     * A fresh instance on an executor of the declared kind whose threads every instance of {@code design} in this JVM
     * shares, started with the first and never shut down (they are daemons): the instance is handed a
     * {@link SharedExecutorView}, which it may shut down as its own. For a checker that builds an instance per sample
     * (jcstress), where starting a thread per instance costs more than the sample: measured on a single-thread
     * executor design, 18,762 to 30,409 samples per scenario against 20,000 asked for, most of each sample's time
     * spent starting and stopping its thread. Closing the instance closes the design, then its view.
     */
    public Inventory onSharedExecutor(String design, Map<String, Long> initialStock) {
        ExecutorService threads = SHARED.computeIfAbsent(design + " on " + executor, key -> executor.start(design));
        ExecutorService view = new SharedExecutorView(threads);
        return new ExecutorOwningInventory(design, factory.create(initialStock, view), view);
    }

    /** The threads {@link #onSharedExecutor} hands out views of, by design and kind of executor. */
    private static final Map<String, ExecutorService> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

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
