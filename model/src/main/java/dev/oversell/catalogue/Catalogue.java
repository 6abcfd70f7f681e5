package dev.oversell.catalogue;

import dev.oversell.model.actor.ActorInventory;
import dev.oversell.model.actor.ActorInventory_BrokenCallerChecksStock;
import dev.oversell.model.actor.SeedFlowActorInventory;
import dev.oversell.model.lock.SynchronizedInventory;
import dev.oversell.model.naive.CheckThenActInventory_BrokenUnsynchronized;

import dev.oversell.model.jdbc.ActorOverReadModifyWrite;
import dev.oversell.model.jdbc.ConditionalUpdate;
import dev.oversell.model.jdbc.Ledger;
import dev.oversell.model.jdbc.OptimisticVersion;
import dev.oversell.model.jdbc.ReadModifyWrite;
import dev.oversell.model.jdbc.SelectForUpdate;
import dev.oversell.model.jdbc.SingleOwnerActorService;
import dev.oversell.model.jdbc.SynchronizedOverReadModifyWrite;
import dev.oversell.store.Engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static dev.oversell.catalogue.Claim.MAY_OVERSELL;
import static dev.oversell.catalogue.Claim.NEVER_OVERSELLS;
import static dev.oversell.catalogue.Claim.NOT_APPLICABLE;
import static dev.oversell.catalogue.Deployment.SHARED_STORE;
import static dev.oversell.catalogue.Deployment.SINGLE_INSTANCE;
import static dev.oversell.catalogue.Variant.Execution.CALLER_THREAD;
import static dev.oversell.catalogue.Variant.Execution.OWN_THREADS;
import static dev.oversell.store.TransactionMode.AUTOCOMMIT;
import static dev.oversell.store.TransactionMode.READ_COMMITTED;
import static dev.oversell.store.TransactionMode.REPEATABLE_READ;
import static dev.oversell.store.TransactionMode.SERIALIZABLE;

/**
 * The only list of variants. Every suite (conformance, Lincheck, jcstress, the report) reads it; adding a
 * variant is one class plus one entry here, and {@code CatalogueCompletenessTest} fails if a variant class
 * exists that this list does not name.
 *
 * <p>A claim is what the variant's author asserts; the suites measure it and fail the build on a mismatch.
 * Nothing here is a verdict.
 */
public final class Catalogue {

    private Catalogue() {
    }

    private static final List<Variant> VARIANTS = List.of(
            Variant.inMemory("naive", CheckThenActInventory_BrokenUnsynchronized.class,
                    CheckThenActInventory_BrokenUnsynchronized::new,
                    Map.of(SINGLE_INSTANCE, MAY_OVERSELL, SHARED_STORE, NOT_APPLICABLE), CALLER_THREAD,
                    "check-then-act, no coordination"),
            Variant.inMemory("synchronized", SynchronizedInventory.class, SynchronizedInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), CALLER_THREAD,
                    "one JVM monitor around every call"),
            Variant.inMemory("actor", ActorInventory.class, ActorInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), OWN_THREADS,
                    "one actor owns the stock, one message at a time"),
            Variant.inMemory("seed-flow", SeedFlowActorInventory.class, SeedFlowActorInventory::new,
                    Map.of(SINGLE_INSTANCE, NEVER_OVERSELLS, SHARED_STORE, NOT_APPLICABLE), OWN_THREADS,
                    "buyer -> purchase actor -> inventory actor -> buyer"),
            Variant.inMemory("actor-broken-caller-checks-stock", ActorInventory_BrokenCallerChecksStock.class,
                    ActorInventory_BrokenCallerChecksStock::new,
                    Map.of(SINGLE_INSTANCE, MAY_OVERSELL, SHARED_STORE, NOT_APPLICABLE), OWN_THREADS,
                    "an actor owns the stock; the caller asks it for the stock, decides, then tells it to take"),

            // Database variants: claims per engine (H2, PostgreSQL, MariaDB), then for several app instances.
            Variant.overStore("db-read-write-autocommit", new ReadModifyWrite(AUTOCOMMIT),
                    onEvery(MAY_OVERSELL, MAY_OVERSELL),
                    "SELECT stock on its own, then UPDATE stock = ? committed with the purchase record (the seed's service)"),
            Variant.overStore("db-read-write-read-committed", new ReadModifyWrite(READ_COMMITTED),
                    onEvery(MAY_OVERSELL, MAY_OVERSELL),
                    "SELECT stock, then UPDATE stock = ?, one transaction at READ COMMITTED"),
            Variant.overStore("db-read-write-repeatable-read", new ReadModifyWrite(REPEATABLE_READ),
                    perEngine(NEVER_OVERSELLS, NEVER_OVERSELLS, MAY_OVERSELL),
                    "SELECT stock, then UPDATE stock = ?, one transaction at REPEATABLE READ"),
            Variant.overStore("db-read-write-serializable", new ReadModifyWrite(SERIALIZABLE),
                    onEvery(NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "SELECT stock, then UPDATE stock = ?, one transaction at SERIALIZABLE"),
            Variant.overStore("db-select-for-update", new SelectForUpdate(),
                    onEvery(NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "SELECT ... FOR UPDATE, then UPDATE, at READ COMMITTED"),
            Variant.overStore("db-conditional-update", new ConditionalUpdate(),
                    onEvery(NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "UPDATE ... SET stock = stock - ? WHERE stock >= ?, judged by the update count"),
            Variant.overStore("db-optimistic-version", new OptimisticVersion(),
                    onEvery(NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "SELECT stock, version; UPDATE ... WHERE version = ?; bounded retry"),
            Variant.overStore("db-ledger-repeatable-read", new Ledger(REPEATABLE_READ),
                    perEngine(MAY_OVERSELL, MAY_OVERSELL, MAY_OVERSELL),
                    "stock = supply - SUM(orders), then INSERT an order, at REPEATABLE READ"),
            Variant.overStore("db-ledger-serializable", new Ledger(SERIALIZABLE),
                    perEngine(MAY_OVERSELL, NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "stock = supply - SUM(orders), then INSERT an order, at SERIALIZABLE"),
            Variant.overStore("db-synchronized-service", SynchronizedOverReadModifyWrite.class,
                    store -> new SynchronizedOverReadModifyWrite(store, false),
                    store -> new SynchronizedOverReadModifyWrite(store, true),
                    onEvery(NEVER_OVERSELLS, MAY_OVERSELL),
                    "a synchronized method around the autocommit read-then-write (the seed's service)"),
            Variant.overStore("db-actor-service", ActorOverReadModifyWrite.class,
                    store -> new ActorOverReadModifyWrite(store, false),
                    store -> new ActorOverReadModifyWrite(store, true),
                    onEvery(NEVER_OVERSELLS, MAY_OVERSELL),
                    "one actor per instance running the autocommit read-then-write (the seed's actor)"),
            Variant.overStore("db-single-owner-actor", SingleOwnerActorService.class,
                    store -> new SingleOwnerActorService(store, true, false),
                    store -> new SingleOwnerActorService(store, true, true),
                    onEvery(NEVER_OVERSELLS, NEVER_OVERSELLS),
                    "one owner actor per product across instances, writes fenced by an owner token"),
            Variant.overStore("db-single-owner-actor-unfenced", SingleOwnerActorService.class,
                    store -> new SingleOwnerActorService(store, false, false),
                    store -> new SingleOwnerActorService(store, false, true),
                    onEvery(NEVER_OVERSELLS, MAY_OVERSELL),
                    "one owner actor per product across instances, no fencing at a hand-over")
    );

    /** The same claims on every engine: in one instance, and with several instances sharing the database. */
    private static Map<Engine, Map<Deployment, Claim>> onEvery(Claim oneInstance, Claim sharedStore) {
        Map<Engine, Map<Deployment, Claim>> claims = new EnumMap<>(Engine.class);
        for (Engine engine : Engine.values()) {
            claims.put(engine, Map.of(SINGLE_INSTANCE, oneInstance, SHARED_STORE, sharedStore));
        }
        return claims;
    }

    /**
     * Claims that differ by engine. A transaction's safety does not depend on how many app instances send it,
     * so the shared-store claim is the one-instance claim.
     */
    private static Map<Engine, Map<Deployment, Claim>> perEngine(Claim h2, Claim postgresql, Claim mariadb) {
        return Map.of(Engine.H2, Map.of(SINGLE_INSTANCE, h2, SHARED_STORE, h2),
                Engine.POSTGRESQL, Map.of(SINGLE_INSTANCE, postgresql, SHARED_STORE, postgresql),
                Engine.MARIADB, Map.of(SINGLE_INSTANCE, mariadb, SHARED_STORE, mariadb));
    }

    public static List<Variant> all() {
        return VARIANTS;
    }

    /** The in-memory variants (what Lincheck and jcstress drive). */
    public static List<Variant> inMemory() {
        return VARIANTS.stream().filter(Variant::inMemory).toList();
    }

    /** The database variants (what the interleaving and load checks drive, on each engine). */
    public static List<Variant> overStores() {
        return VARIANTS.stream().filter(variant -> !variant.inMemory()).toList();
    }

    public static Variant byName(String name) {
        return VARIANTS.stream().filter(variant -> variant.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no variant named '" + name + "' in the catalogue; known: "
                        + VARIANTS.stream().map(Variant::name).toList()));
    }
}
