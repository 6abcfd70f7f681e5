package dev.oversell.design;

import dev.oversell.model.Inventory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A design whose stock lives in the JVM: a lock, an actor, a lock-free structure. Its one claim is for a single
 * instance with many threads ({@link Deployment#SINGLE_INSTANCE}); with several instances it has no shared stock
 * to protect, so its {@link Deployment#SHARED_STORE} claim is {@link Claim#NOT_APPLICABLE}.
 *
 * <pre>{@code
 * InMemoryDesign.named("shop-counter")
 *         .of(ShopCounter.class, ShopCounter::new)     // a constructor taking Map<String, Long> initialStock
 *         .runsOnCallerThread()                        // or runsOnOwnThreads() (an actor, a pool)
 *         .claims(Claim.NEVER_OVERSELLS)
 *         .mechanism("one lock around every call")
 *         .build();
 * }</pre>
 *
 * A design that runs its calls on an executor it is handed declares which kind, and how to build it over one:
 *
 * <pre>{@code
 * InMemoryDesign.named("reservations")
 *         .onSingleThreadExecutor(Reservations.class, Reservations::new)  // (Map<String, Long>, ExecutorService)
 *         .claims(Claim.NEVER_OVERSELLS)                                  // or onThreadPool(4, type, factory)
 *         .mechanism("one owner thread checks and takes")
 *         .build();
 * }</pre>
 *
 * It runs on its own threads ({@link Execution#OWN_THREADS}); {@link #onExecutor()} says how a check hands it an
 * executor of the declared kind ({@link OnExecutor}).
 */
public record InMemoryDesign(String name, Class<? extends Inventory> type, InventoryFactory factory, Claim claim,
                              Execution execution, String mechanism, Optional<OnExecutor> onExecutor)
        implements Design {

    public InMemoryDesign {
        Design.checkedName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(onExecutor, "onExecutor");
        if (onExecutor.isPresent() && execution != Execution.OWN_THREADS) {
            throw new IllegalArgumentException(name + ": a design on an executor runs on its own threads");
        }
        if (claim == Claim.NOT_APPLICABLE) {
            throw new IllegalArgumentException(name + ": an in-memory design must claim NEVER_OVERSELLS or MAY_OVERSELL"
                    + " for a single instance");
        }
        if (execution == Execution.DATABASE) {
            throw new IllegalArgumentException(name + ": an in-memory design runs on the caller's thread or its own");
        }
    }

    public static Builder named(String name) {
        return new Builder(Design.checkedName(name));
    }

    /** What the design claims in {@code deployment}: its claim for one instance, "not applicable" for a shared store. */
    public Claim claim(Deployment deployment) {
        return deployment == Deployment.SINGLE_INSTANCE ? claim : Claim.NOT_APPLICABLE;
    }

    /** A fresh, independent instance holding {@code initialStock}. */
    public Inventory create(Map<String, Long> initialStock) {
        return factory.create(initialStock);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds an {@link InMemoryDesign}; {@link #build()} names whatever is missing. */
    public static final class Builder {
        private final String name;
        private Class<? extends Inventory> type;
        private InventoryFactory factory;
        private Claim claim;
        private Execution execution;
        private String mechanism;
        private OnExecutor onExecutor;

        private Builder(String name) {
            this.name = name;
        }

        /** The class, and how to build a fresh instance from the initial stock (product to units). */
        public <T extends Inventory> Builder of(Class<T> type, Function<Map<String, Long>, ? extends T> factory) {
            this.type = Objects.requireNonNull(type, "type");
            Objects.requireNonNull(factory, "factory");
            this.factory = factory::apply;
            this.onExecutor = null;
            return this;
        }

        /**
         * The class, built over a single-thread executor it is handed ({@code Executors.newSingleThreadExecutor()}
         * in production): its tasks run one at a time, in order. Lincheck's model checker hands it a serial
         * executor it schedules; jcstress a real one.
         */
        public <T extends Inventory> Builder onSingleThreadExecutor(Class<T> type, ExecutorInventoryFactory factory) {
            return onExecutor(type, HandedExecutor.singleThread(), factory);
        }

        /**
         * The class, built over a pool of {@code threads} it is handed ({@code Executors.newFixedThreadPool(threads)}
         * in production): its tasks run at once.
         */
        public <T extends Inventory> Builder onThreadPool(int threads, Class<T> type, ExecutorInventoryFactory factory) {
            return onExecutor(type, HandedExecutor.poolOf(threads), factory);
        }

        /** The class, built over an executor of the kind declared, which every check hands it. */
        public <T extends Inventory> Builder onExecutor(Class<T> type, HandedExecutor executor,
                                                        ExecutorInventoryFactory factory) {
            this.type = Objects.requireNonNull(type, "type");
            OnExecutor declared = new OnExecutor(executor, factory);
            this.onExecutor = declared;
            this.factory = stock -> declared.onRealExecutor(name, stock);
            this.execution = Execution.OWN_THREADS;
            return this;
        }

        /** Every call runs to its end on the calling thread: Lincheck's model checker explores it as it is. */
        public Builder runsOnCallerThread() {
            this.execution = Execution.CALLER_THREAD;
            return this;
        }

        /** Calls are handed to threads of the design's own (an actor, a pool). */
        public Builder runsOnOwnThreads() {
            this.execution = Execution.OWN_THREADS;
            return this;
        }

        /** What the design claims with many threads on one instance. */
        public Builder claims(Claim claim) {
            this.claim = claim;
            return this;
        }

        public Builder mechanism(String mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        public InMemoryDesign build() {
            StringBuilder missing = new StringBuilder();
            if (type == null) missing.append(" of(type, factory)/onSingleThreadExecutor(type, factory)");
            if (execution == null) missing.append(" runsOnCallerThread()/runsOnOwnThreads()");
            if (onExecutor != null && execution != Execution.OWN_THREADS) {
                throw new IllegalStateException("in-memory design " + name + " runs on the executor it is handed:"
                        + " it cannot also run on the caller's thread");
            }
            if (claim == null) missing.append(" claims(...)");
            if (mechanism == null) missing.append(" mechanism(...)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("in-memory design " + name + " is missing:" + missing);
            }
            return new InMemoryDesign(name, type, factory, claim, execution, mechanism, Optional.ofNullable(onExecutor));
        }
    }
}
