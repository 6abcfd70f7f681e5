package dev.oversell.catalogue;

import dev.oversell.model.Inventory;
import dev.oversell.store.Engine;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionalInventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One catalogue entry: a variant's name, its class, how to build it, what it claims, and how its calls
 * execute (which decides which checkers can drive it).
 *
 * <p>An in-memory variant claims one thing per {@link Deployment}. A database variant claims one thing per
 * {@link Engine} and deployment, because the same SQL is safe on one engine and not on another; it is built
 * over a {@link Store} ({@link #attach}), or, where a suite gives it nothing else, over a private in-memory H2
 * ({@link #create}).
 */
public record Variant(String name, Class<?> type, InventoryFactory factory, StoreInventoryFactory storeFactory,
                      PurchaseScript script, Map<Deployment, Claim> claims,
                      Map<Engine, Map<Deployment, Claim>> engineClaims, Execution execution, String mechanism) {

    /** How a variant's calls run, as far as a checker that controls threads is concerned. */
    public enum Execution {
        /** Entirely on the calling thread: Lincheck's model checker can explore its interleavings. */
        CALLER_THREAD,
        /** Handed to threads of the variant's own (actor pool); stress-tested, not model-checked. */
        OWN_THREADS,
        /** Statements on a database: checked by exhaustive interleavings and load runs on each engine. */
        DATABASE
    }

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(mechanism, "mechanism");
        claims = complete(name, claims);
        EnumMap<Engine, Map<Deployment, Claim>> perEngine = new EnumMap<>(Engine.class);
        if (storeFactory != null) {
            for (Engine engine : Engine.values()) {
                Map<Deployment, Claim> ofEngine = engineClaims.get(engine);
                if (ofEngine == null) {
                    throw new IllegalArgumentException("database variant " + name + " must state its claims on " + engine);
                }
                perEngine.put(engine, complete(name + " on " + engine, ofEngine));
            }
        }
        engineClaims = Map.copyOf(perEngine);
    }

    private static Map<Deployment, Claim> complete(String who, Map<Deployment, Claim> claims) {
        EnumMap<Deployment, Claim> all = new EnumMap<>(Deployment.class);
        all.putAll(claims);
        for (Deployment deployment : Deployment.values()) {
            if (!all.containsKey(deployment)) {
                throw new IllegalArgumentException("variant " + who + " must state a claim for " + deployment);
            }
        }
        return Map.copyOf(all);
    }

    /** An in-memory variant. */
    public static Variant inMemory(String name, Class<? extends Inventory> type, InventoryFactory factory,
                                   Map<Deployment, Claim> claims, Execution execution, String mechanism) {
        return new Variant(name, type, factory, null, null, claims, Map.of(), execution, mechanism);
    }

    /** A database variant whose purchase is {@code script}, run by a {@link TransactionalInventory}. */
    public static Variant overStore(String name, PurchaseScript script, Map<Engine, Map<Deployment, Claim>> claims,
                                    String mechanism) {
        StoreInventoryFactory attach = store -> TransactionalInventory.over(store, script);
        return new Variant(name, script.getClass(),
                stock -> new TransactionalInventory(Store.inPrivateH2(stock), script,
                        dev.oversell.store.RetryPolicy.DEFAULT, true),
                attach, script, Map.of(Deployment.SINGLE_INSTANCE, Claim.NOT_APPLICABLE,
                Deployment.SHARED_STORE, Claim.NOT_APPLICABLE), claims, Execution.DATABASE, mechanism);
    }

    /** A database variant built some other way (a JVM monitor or an actor in front of a store). */
    public static Variant overStore(String name, Class<? extends Inventory> type, StoreInventoryFactory attach,
                                    java.util.function.Function<Store, Inventory> owning,
                                    Map<Engine, Map<Deployment, Claim>> claims, String mechanism) {
        return new Variant(name, type, stock -> owning.apply(Store.inPrivateH2(stock)), attach, null,
                Map.of(Deployment.SINGLE_INSTANCE, Claim.NOT_APPLICABLE, Deployment.SHARED_STORE, Claim.NOT_APPLICABLE),
                claims, Execution.DATABASE, mechanism);
    }

    public boolean inMemory() {
        return storeFactory == null;
    }

    /** What an in-memory variant claims in {@code deployment} (a database variant: see the engine overload). */
    public Claim claim(Deployment deployment) {
        return claims.get(deployment);
    }

    /** What a database variant claims on {@code engine} in {@code deployment}. */
    public Claim claim(Deployment deployment, Engine engine) {
        if (inMemory()) {
            throw new IllegalStateException(name + " is an in-memory variant: it has no claim per engine");
        }
        return engineClaims.get(engine).get(deployment);
    }

    /** The purchase as steps, if the interleaving checker can schedule them (a plain transaction script). */
    public Optional<PurchaseScript> purchaseScript() {
        return Optional.ofNullable(script);
    }

    /** A fresh, independent instance holding {@code initialStock} (a database variant: in a private H2). */
    public Inventory create(Map<String, Long> initialStock) {
        return factory.create(initialStock);
    }

    /** One instance over {@code store}, shared with any other instance attached to it. */
    public Inventory attach(Store store) {
        if (inMemory()) {
            throw new IllegalStateException(name + " is an in-memory variant: it cannot attach to a store");
        }
        return storeFactory.attach(store);
    }

    @Override
    public String toString() {
        return name;
    }
}
