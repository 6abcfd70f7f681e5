package dev.oversell.catalogue;

import dev.oversell.catalogue.actor.ActorInventory;
import dev.oversell.catalogue.actor.ActorInventory_BrokenCallerChecksStock;
import dev.oversell.catalogue.actor.SeedFlowActorInventory;
import dev.oversell.catalogue.memory.SynchronizedInventory;
import dev.oversell.catalogue.memory.CheckThenActInventory_BrokenUnsynchronized;

import dev.oversell.catalogue.jdbc.ActorOverReadModifyWrite;
import dev.oversell.catalogue.jdbc.ConditionalUpdate;
import dev.oversell.catalogue.jdbc.Ledger;
import dev.oversell.catalogue.jdbc.OptimisticVersion;
import dev.oversell.catalogue.jdbc.ReadModifyWrite;
import dev.oversell.catalogue.jdbc.SelectForUpdate;
import dev.oversell.catalogue.jdbc.SingleOwnerActorService;
import dev.oversell.catalogue.jdbc.SynchronizedOverReadModifyWrite;
import dev.oversell.catalogue.dao.DaoTwoConnections_BrokenReadOnAnotherConnection;
import dev.oversell.catalogue.jpa.JpaDirtyChecking;
import dev.oversell.catalogue.jpa.JpaOptimisticVersion;
import dev.oversell.catalogue.jpa.JpaPessimisticWrite;
import dev.oversell.catalogue.orders.OrderCheckedThenTaken_BrokenPlainSelects;
import dev.oversell.catalogue.orders.OrderLockedInProductOrder;
import dev.oversell.catalogue.orders.OrderLockedInTheOrderGiven_BrokenDeadlock;
import dev.oversell.catalogue.spring.JdbcTemplateGuardedUpdate;
import dev.oversell.catalogue.spring.JdbcTemplateReadThenSet;
import dev.oversell.spring.Migrations;
import dev.oversell.design.DataSourceInventoryFactory;
import dev.oversell.model.Inventory;
import dev.oversell.engine.Engine;
import dev.oversell.design.Claim;
import dev.oversell.design.ClusterDesign;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.design.DesignProvider;
import dev.oversell.design.Designs;
import dev.oversell.script.PurchaseScript;
import dev.oversell.store.Store;

import java.util.List;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static dev.oversell.script.TransactionMode.AUTOCOMMIT;
import static dev.oversell.script.TransactionMode.READ_COMMITTED;
import static dev.oversell.script.TransactionMode.REPEATABLE_READ;
import static dev.oversell.script.TransactionMode.SERIALIZABLE;

/**
 * Oversell's own designs, side by side: one {@link DesignProvider} among others. Adding a design to this
 * repository is one class plus one entry here ({@code CatalogueCompletenessTest} fails if a design class exists
 * that this list does not name); a design of another project is declared in that project's own provider. This
 * repository's suites register this provider in their test resources; the published jar does not, so a project
 * that depends on Oversell judges its own designs only.
 *
 * <p>A claim is what the design's author asserts; the suites measure it and fail the build on a mismatch.
 * Nothing here is a verdict.
 */
public final class Catalogue implements DesignProvider {

    /** Public for {@link java.util.ServiceLoader}; the designs are the same for every instance. */
    public Catalogue() {
    }

    private static final List<Design> VARIANTS = List.of(
            InMemoryDesign.named("naive")
                    .of(CheckThenActInventory_BrokenUnsynchronized.class, CheckThenActInventory_BrokenUnsynchronized::new)
                    .runsOnCallerThread().claims(MAY_OVERSELL)
                    .mechanism("check-then-act, no coordination").build(),
            InMemoryDesign.named("synchronized")
                    .of(SynchronizedInventory.class, SynchronizedInventory::new)
                    .runsOnCallerThread().claims(NEVER_OVERSELLS)
                    .mechanism("one JVM monitor around every call").build(),
            InMemoryDesign.named("actor")
                    .of(ActorInventory.class, ActorInventory::new)
                    .runsOnOwnThreads().claims(NEVER_OVERSELLS)
                    .mechanism("one actor owns the stock, one message at a time").build(),
            InMemoryDesign.named("seed-flow")
                    .of(SeedFlowActorInventory.class, SeedFlowActorInventory::new)
                    .runsOnOwnThreads().claims(NEVER_OVERSELLS)
                    .mechanism("buyer -> purchase actor -> inventory actor -> buyer").build(),
            InMemoryDesign.named("actor-broken-caller-checks-stock")
                    .of(ActorInventory_BrokenCallerChecksStock.class, ActorInventory_BrokenCallerChecksStock::new)
                    .runsOnOwnThreads().claims(MAY_OVERSELL)
                    .mechanism("an actor owns the stock; the caller asks it for the stock, decides, then tells it to take")
                    .build(),

            // Database designs: claims per engine column (H2, PostgreSQL, MariaDB with innodb_snapshot_isolation OFF
            // and ON), for one instance and for several.
            script("db-read-write-autocommit", new ReadModifyWrite(AUTOCOMMIT)).claimsOnEveryEngine(MAY_OVERSELL, MAY_OVERSELL)
                    .mechanism("SELECT stock on its own, then UPDATE stock = ? committed with the purchase record (the seed's service)").build(),
            script("db-read-write-read-committed", new ReadModifyWrite(READ_COMMITTED)).claimsOnEveryEngine(MAY_OVERSELL, MAY_OVERSELL)
                    .mechanism("SELECT stock, then UPDATE stock = ?, one transaction at READ COMMITTED").build(),
            perEngine(script("db-read-write-repeatable-read", new ReadModifyWrite(REPEATABLE_READ)),
                    NEVER_OVERSELLS, NEVER_OVERSELLS, MAY_OVERSELL, NEVER_OVERSELLS)
                    .mechanism("SELECT stock, then UPDATE stock = ?, one transaction at REPEATABLE READ").build(),
            script("db-read-write-serializable", new ReadModifyWrite(SERIALIZABLE)).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("SELECT stock, then UPDATE stock = ?, one transaction at SERIALIZABLE").build(),
            script("db-select-for-update", new SelectForUpdate()).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("SELECT ... FOR UPDATE, then UPDATE, at READ COMMITTED").build(),
            script("db-conditional-update", new ConditionalUpdate()).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("UPDATE ... SET stock = stock - ? WHERE stock >= ?, judged by the update count").build(),
            script("db-optimistic-version", new OptimisticVersion()).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("SELECT stock, version; UPDATE ... WHERE version = ?; bounded retry").build(),
            perEngine(script("db-ledger-repeatable-read", new Ledger(REPEATABLE_READ)), MAY_OVERSELL, MAY_OVERSELL, MAY_OVERSELL, MAY_OVERSELL)
                    .mechanism("stock = initial + supply - SUM(orders), then INSERT an order, at REPEATABLE READ").build(),
            perEngine(script("db-ledger-serializable", new Ledger(SERIALIZABLE)), MAY_OVERSELL, NEVER_OVERSELLS, NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("stock = initial + supply - SUM(orders), then INSERT an order, at SERIALIZABLE").build(),
            DatabaseDesign.named("db-synchronized-service")
                    .service(SynchronizedOverReadModifyWrite.class, Store.class, store -> new SynchronizedOverReadModifyWrite(store, false))
                    .claimsOnEveryEngine(NEVER_OVERSELLS, MAY_OVERSELL)
                    .mechanism("a synchronized method around the autocommit read-then-write (the seed's service)").build(),
            DatabaseDesign.named("db-actor-service")
                    .service(ActorOverReadModifyWrite.class, Store.class, store -> new ActorOverReadModifyWrite(store, false))
                    .claimsOnEveryEngine(NEVER_OVERSELLS, MAY_OVERSELL)
                    .mechanism("one actor per instance running the autocommit read-then-write (the seed's actor)").build(),
            DatabaseDesign.named("db-single-owner-actor")
                    .service(SingleOwnerActorService.class, Store.class, store -> new SingleOwnerActorService(store, true, false))
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("one owner actor per product across instances, writes fenced by an owner token").build(),
            DatabaseDesign.named("db-single-owner-actor-unfenced")
                    .service(SingleOwnerActorService.class, Store.class, store -> new SingleOwnerActorService(store, false, false))
                    .claimsOnEveryEngine(NEVER_OVERSELLS, MAY_OVERSELL)
                    .mechanism("one owner actor per product across instances, no fencing at a hand-over").build(),

            // Code as teams write it, over a DataSource, each with its own tables (a Flyway migration under db/<name>/)
            perEngine(own(JdbcTemplateReadThenSet.KEY, JdbcTemplateReadThenSet.class, "stock", JdbcTemplateReadThenSet::new),
                    MAY_OVERSELL, MAY_OVERSELL, MAY_OVERSELL, NEVER_OVERSELLS)
                    .mechanism("Spring @Transactional on JdbcTemplate: SELECT stock, then UPDATE SET stock = ?, default isolation").build(),
            own(JdbcTemplateGuardedUpdate.KEY, JdbcTemplateGuardedUpdate.class, "stock", JdbcTemplateGuardedUpdate::new)
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("Spring @Transactional on JdbcTemplate: UPDATE ... WHERE stock >= ?, judged by the update count").build(),
            perEngine(own(JpaDirtyChecking.KEY, JpaDirtyChecking.class, "stock_item", JpaDirtyChecking::new),
                    MAY_OVERSELL, MAY_OVERSELL, MAY_OVERSELL, NEVER_OVERSELLS)
                    .mechanism("JPA/Hibernate: entity found, decremented, flushed by dirty checking at commit").build(),
            own(JpaOptimisticVersion.KEY, JpaOptimisticVersion.class, "stock_item", JpaOptimisticVersion::new)
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("JPA/Hibernate: @Version entity, bounded retry on an optimistic lock failure").build(),
            own(JpaPessimisticWrite.KEY, JpaPessimisticWrite.class, "stock_item", JpaPessimisticWrite::new)
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("JPA/Hibernate: find with LockModeType.PESSIMISTIC_WRITE (SELECT ... FOR UPDATE)").build(),
            own(DaoTwoConnections_BrokenReadOnAnotherConnection.KEY, DaoTwoConnections_BrokenReadOnAnotherConnection.class,
                    "stock", DaoTwoConnections_BrokenReadOnAnotherConnection::new)
                    .claimsOnEveryEngine(MAY_OVERSELL, MAY_OVERSELL)
                    .mechanism("a JDBC DAO: the read on one pooled connection, the write on another").build(),

            // Orders of several lines over plain JDBC, one transaction per order at READ COMMITTED, all or nothing
            own(OrderCheckedThenTaken_BrokenPlainSelects.KEY, OrderCheckedThenTaken_BrokenPlainSelects.class, "stock",
                    OrderCheckedThenTaken_BrokenPlainSelects::new)
                    .claimsOnEveryEngine(MAY_OVERSELL, MAY_OVERSELL)
                    .mechanism("an order: a plain SELECT of every line's stock, then an UPDATE of every line").build(),
            own(OrderLockedInTheOrderGiven_BrokenDeadlock.KEY, OrderLockedInTheOrderGiven_BrokenDeadlock.class, "stock",
                    OrderLockedInTheOrderGiven_BrokenDeadlock::new)
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("an order: SELECT ... FOR UPDATE of each line in the order given (opposite orders"
                            + " deadlock; the engine refuses one), then an UPDATE of every line").build(),
            own(OrderLockedInProductOrder.KEY, OrderLockedInProductOrder.class, "stock", OrderLockedInProductOrder::new)
                    .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                    .mechanism("an order: SELECT ... FOR UPDATE of each line in product order, then an UPDATE of"
                            + " every line").build()
    );

    /** A design over a data source whose tables are its own Flyway migration, {@code db/<name>/}. */
    private static <T extends Inventory> DatabaseDesign.Builder own(String name, Class<T> type, String table,
                                                                      DataSourceInventoryFactory factory) {
        return DatabaseDesign.named(name).overDataSource(type, Migrations.schema(name, table), factory)
                .doesNotDeduplicateRequestIds();
    }

    private static DatabaseDesign.Builder script(String name, PurchaseScript script) {
        return DatabaseDesign.named(name).script(script);
    }

    /**
     * Claims that differ by engine column. A transaction's safety does not depend on how many app instances send
     * it, so the shared-store claim is the one-instance claim. {@code mariadbSnapshotIsolation} is the claim on
     * MariaDB with {@code innodb_snapshot_isolation} ON (11.6.2's default), where a REPEATABLE READ write of a row
     * changed since the transaction's snapshot is refused rather than losing the other's update.
     */
    private static DatabaseDesign.Builder perEngine(DatabaseDesign.Builder builder, Claim h2, Claim postgresql,
                                                     Claim mariadb, Claim mariadbSnapshotIsolation) {
        return builder.claimsOn(Engine.H2, h2, h2).claimsOn(Engine.POSTGRESQL, postgresql, postgresql)
                .claimsOn(Engine.MARIADB, mariadb, mariadb)
                .claimsOn(Engine.MARIADB_SNAPSHOT_ISOLATION, mariadbSnapshotIsolation, mariadbSnapshotIsolation);
    }

    /**
     * The single owner on a real distributed engine: one Apache Pekko Cluster Sharding entity per product, on
     * three node processes writing through to the shared database (module {@code cluster}, which starts the
     * cluster and supplies the check: {@code ShardedOwnerFaultsTest}). Claimed under the faults that check
     * injects: the owner's node killed, a graceful leave and a join, the coordinator's node killed, the owner
     * paused at a random moment, and the owner paused between its read and its write until the others downed it.
     */
    private static final String NO_H2 = "three node processes cannot share a private in-memory H2";
    private static final List<ClusterDesign> CLUSTER_DESIGNS = List.of(
            ClusterDesign.named("pekko-sharded-owner-fenced")
                    .implementedBy("dev.oversell.cluster.ProductEntity")
                    .claimsOnEveryEngine(NEVER_OVERSELLS).notApplicableOn(Engine.H2, NO_H2)
                    .mechanism("one Pekko Cluster Sharding entity per product across 3 JVMs, writes fenced by the"
                            + " incarnation's token").build(),
            ClusterDesign.named("pekko-sharded-owner-unfenced")
                    .implementedBy("dev.oversell.cluster.ProductEntity")
                    .claimsOnEveryEngine(MAY_OVERSELL).notApplicableOn(Engine.H2, NO_H2)
                    .mechanism("one Pekko Cluster Sharding entity per product across 3 JVMs, the seed's plain"
                            + " read-then-write").build());

    @Override
    public List<Design> designs() {
        return VARIANTS;
    }

    @Override
    public List<ClusterDesign> clusterDesigns() {
        return CLUSTER_DESIGNS;
    }

    /** The built-in cluster designs (for this repository's own tests of the catalogue). */
    public static List<ClusterDesign> clustered() {
        return CLUSTER_DESIGNS;
    }

    /** The built-in designs (for this repository's own tests of the catalogue; checkers use {@link Designs}). */
    public static List<Design> all() {
        return VARIANTS;
    }
}
