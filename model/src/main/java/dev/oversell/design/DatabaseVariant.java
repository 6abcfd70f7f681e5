package dev.oversell.design;

import dev.oversell.model.Inventory;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.store.Engine;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionalInventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A design whose stock lives in a database. It claims one thing per {@link Engine} and {@link Deployment}: the
 * same SQL is safe on one engine and not on another, and a JVM monitor protects nothing once two app instances
 * share the database. It is one of two shapes:
 * <ul>
 *   <li>a {@link PurchaseScript} (statements in one transaction at a given level), run by a
 *       {@link TransactionalInventory}: the interleaving checker runs every order of its steps;</li>
 *   <li>a service built over a {@link Store} ({@link StoreInventoryFactory}): a monitor, an actor or anything
 *       else in front of the statements; checked by load runs and with several instances.</li>
 * </ul>
 *
 * <pre>{@code
 * DatabaseVariant.named("shop-conditional-update")
 *         .script(new ShopConditionalUpdate())                  // or .service(ShopService.class, ShopService::new)
 *         .claimsOnEveryEngine(Claim.NEVER_OVERSELLS, Claim.NEVER_OVERSELLS)   // one instance, several instances
 *         .mechanism("UPDATE ... WHERE stock >= ?")
 *         .build();
 * }</pre>
 */
public final class DatabaseVariant implements Variant {

    private final String name;
    private final Class<?> type;
    private final PurchaseScript script;
    private final StoreInventoryFactory attach;
    private final Map<Engine, Map<Deployment, Claim>> claims;
    private final String mechanism;

    private DatabaseVariant(String name, Class<?> type, PurchaseScript script, StoreInventoryFactory attach,
                            Map<Engine, Map<Deployment, Claim>> claims, String mechanism) {
        this.name = name;
        this.type = type;
        this.script = script;
        this.attach = attach;
        this.claims = claims;
        this.mechanism = mechanism;
    }

    public static Builder named(String name) {
        return new Builder(Variant.checkedName(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> type() {
        return type;
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public Execution execution() {
        return Execution.DATABASE;
    }

    /** What the design claims on {@code engine} in {@code deployment}. */
    public Claim claim(Deployment deployment, Engine engine) {
        return claims.get(engine).get(deployment);
    }

    /** The purchase as steps, if the interleaving checker can schedule them (a plain transaction script). */
    public Optional<PurchaseScript> purchaseScript() {
        return Optional.ofNullable(script);
    }

    /** One instance (one app server) over {@code store}, shared with any other instance attached to it. */
    public Inventory attach(Store store) {
        return attach.attach(store);
    }

    /** A fresh instance over a private in-memory H2 holding {@code initialStock}; closing it drops the H2. */
    @Override
    public Inventory create(Map<String, Long> initialStock) {
        Store store = Store.inPrivateH2(initialStock);
        try {
            return new OwningItsStore(attach(store), store);
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** An instance that closes its private store after itself. */
    private static final class OwningItsStore extends ForwardingInventory {
        private final Store store;

        OwningItsStore(Inventory inventory, Store store) {
            super(inventory);
            this.store = store;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                store.close();
            }
        }
    }

    /** Builds a {@link DatabaseVariant}; {@link #build()} names whatever is missing. */
    public static final class Builder {
        private final String name;
        private Class<?> type;
        private PurchaseScript script;
        private StoreInventoryFactory attach;
        private final Map<Engine, Map<Deployment, Claim>> claims = new EnumMap<>(Engine.class);
        private String mechanism;

        private Builder(String name) {
            this.name = name;
        }

        /** The purchase is {@code script}'s statements, run in a transaction by a {@link TransactionalInventory}. */
        public Builder script(PurchaseScript script) {
            requireNoShapeYet();
            this.script = Objects.requireNonNull(script, "script");
            this.type = script.getClass();
            this.attach = store -> TransactionalInventory.over(store, script);
            return this;
        }

        /**
         * The design is a service built over a {@link Store} (one instance per app server; several may share the
         * store). Closing an instance must leave the store alone.
         */
        public <T extends Inventory> Builder service(Class<T> type, StoreInventoryFactory attach) {
            requireNoShapeYet();
            this.type = Objects.requireNonNull(type, "type");
            this.attach = Objects.requireNonNull(attach, "attach");
            return this;
        }

        private void requireNoShapeYet() {
            if (attach != null) {
                throw new IllegalStateException(name + ": a database design is either a script or a service, not both");
            }
        }

        /** The same claims on every engine: for one app instance, and for several sharing the database. */
        public Builder claimsOnEveryEngine(Claim oneInstance, Claim sharedStore) {
            for (Engine engine : Engine.values()) {
                claimsOn(engine, oneInstance, sharedStore);
            }
            return this;
        }

        /** The claims on one engine: for one app instance, and for several sharing the database. */
        public Builder claimsOn(Engine engine, Claim oneInstance, Claim sharedStore) {
            for (Claim claim : new Claim[] {oneInstance, sharedStore}) {
                if (Objects.requireNonNull(claim, "claim") == Claim.NOT_APPLICABLE) {
                    throw new IllegalArgumentException(name + " on " + engine + ": a database design must claim"
                            + " NEVER_OVERSELLS or MAY_OVERSELL in both deployments");
                }
            }
            claims.put(engine, Map.of(Deployment.SINGLE_INSTANCE, oneInstance, Deployment.SHARED_STORE, sharedStore));
            return this;
        }

        public Builder mechanism(String mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        public DatabaseVariant build() {
            StringBuilder missing = new StringBuilder();
            if (attach == null) missing.append(" script(...)/service(...)");
            for (Engine engine : Engine.values()) {
                if (!claims.containsKey(engine)) missing.append(" a claim on ").append(engine);
            }
            if (mechanism == null) missing.append(" mechanism(...)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("database design " + name + " is missing:" + missing);
            }
            return new DatabaseVariant(name, type, script, attach, Map.copyOf(new EnumMap<>(claims)), mechanism);
        }
    }
}
