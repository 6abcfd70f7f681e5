package dev.oversell.power.database;

import dev.oversell.design.DataSourceInventoryFactory;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.Variant;
import dev.oversell.design.VariantProvider;
import dev.oversell.model.Inventory;
import dev.oversell.power.database.CorpusDesign.CorrectTwin;
import dev.oversell.power.database.CorpusDesign.KnownBug;
import dev.oversell.power.database.designs.ForUpdateBeforeTheRead;
import dev.oversell.power.database.designs.ForUpdate_BrokenLocksTheOrderRow;
import dev.oversell.power.database.designs.ForUpdate_BrokenTakenAfterTheRead;
import dev.oversell.power.database.designs.GuardAfterDecrement_BrokenWithoutCheck;
import dev.oversell.power.database.designs.GuardedUpdate;
import dev.oversell.power.database.designs.IdempotencyCheck_BrokenOutsideTheTransaction;
import dev.oversell.power.database.designs.JpaBulkUpdate_BrokenBypassesVersion;
import dev.oversell.power.database.designs.JpaDetachedSave_BrokenWithoutVersion;
import dev.oversell.power.database.designs.JpaVersionWithRetry;
import dev.oversell.power.database.designs.LedgerSum_BrokenWriteSkewAtRepeatableRead;
import dev.oversell.power.database.designs.ReadOnAnotherConnection_BrokenOutsideTheTransaction;
import dev.oversell.power.database.designs.ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb;
import dev.oversell.power.database.designs.ReadThenWrite_BrokenAtReadCommitted;
import dev.oversell.power.database.designs.Restock_BrokenOverwritesWithAnEarlierRead;
import dev.oversell.power.database.designs.RetryAroundTheCommit_BrokenAppliesTwice;
import dev.oversell.power.database.designs.SelfInvocation_BrokenNoTransaction;
import dev.oversell.power.database.designs.SerializableWithRetry;
import dev.oversell.power.database.designs.VersionRead_BrokenNotInWhere;
import dev.oversell.power.database.designs.VersionedPurchase_BrokenRestockKeepsTheVersion;
import dev.oversell.store.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static dev.oversell.store.Engine.H2;
import static dev.oversell.store.Engine.MARIADB;
import static dev.oversell.store.Engine.POSTGRESQL;

/**
 * The database corpus: known-buggy designs written as teams write them (plain JDBC, Spring's JdbcTemplate with
 * {@code @Transactional} or a {@code TransactionTemplate}, JPA/Hibernate), each naming its bug and the engines
 * that must catch it, and correct twins that must hold. It is the checks' own test, not the catalogue: every
 * design claims "never oversells", as its author believed, and {@link DatabasePowerTest} asks the suites whether
 * they agree. Found by the suites through {@code META-INF/services/dev.oversell.design.VariantProvider}.
 *
 * <p><b>Default engines.</b> Every design names the engines that must catch it (or where it must hold); run on all
 * of them ({@code -Doversell.power.everyEngine=true}) the corpus takes about 7 minutes on 2 cores, since the suite
 * runs every plan of every cell (three buyers of a three-statement design alone is 219 executions). By default
 * each engine-independent bug runs on one engine, spread so that each engine catches some, the cheap twins
 * (guarded UPDATE, FOR UPDATE before the read) run on all three, and each engine-dependent bug runs where the
 * engine decides it: {@code spring-repeatable-read-with-retry} on MariaDB (caught; it holds on H2 and PostgreSQL,
 * measured with everyEngine), {@code spring-retry-around-the-commit} on PostgreSQL (caught; 63 s on MariaDB, where
 * it is caught too; it holds on H2). {@code jpa-version-with-retry} runs on H2 only (17 s there, 27 s on
 * PostgreSQL). {@code spring-serializable-with-retry} runs only with everyEngine: with three buyers who retry, its
 * exploration reached the suite's 5,000-execution limit on H2 (47 s, so the suite said "not checked" and failed
 * the claim: a false alarm by the suite's own rule) and ran for minutes on PostgreSQL.
 */
public final class DatabaseCorpus implements VariantProvider {

    private static final Set<Engine> EVERY = Set.of(H2, POSTGRESQL, MARIADB);

    /** Every design of the corpus, bugs first, in the order they run. */
    public static final List<CorpusDesign> DESIGNS = List.of(
            bug("jdbc-read-then-write-read-committed", ReadThenWrite_BrokenAtReadCommitted.class,
                    ReadThenWrite_BrokenAtReadCommitted::new, Tables.STOCK,
                    "read-then-write at READ COMMITTED: both buyers read 1 and write 0", EVERY, Set.of(),
                    Set.of(H2)),
            bug("jpa-detached-save-no-version", JpaDetachedSave_BrokenWithoutVersion.class,
                    JpaDetachedSave_BrokenWithoutVersion::new, Tables.STOCK_ITEM,
                    "JPA read-modify-write without @Version: load, change, merge in another transaction", EVERY,
                    Set.of(),
                    Set.of(POSTGRESQL)),
            bug("jdbc-version-not-in-where", VersionRead_BrokenNotInWhere.class, VersionRead_BrokenNotInWhere::new,
                    Tables.VERSIONED_STOCK, "reads and bumps a version, but its UPDATE does not check it", EVERY,
                    Set.of(),
                    Set.of(H2)),
            bug("spring-guard-stock-at-least-zero", GuardAfterDecrement_BrokenWithoutCheck.class,
                    GuardAfterDecrement_BrokenWithoutCheck::new, Tables.STOCK,
                    "UPDATE ... WHERE stock >= 0, the guard read before the decrement, no CHECK", EVERY, Set.of(),
                    Set.of(POSTGRESQL)),
            bug("jdbc-ledger-sum-repeatable-read", LedgerSum_BrokenWriteSkewAtRepeatableRead.class,
                    LedgerSum_BrokenWriteSkewAtRepeatableRead::new, Tables.LEDGER,
                    "INSERT an order after checking SUM(orders) at REPEATABLE READ: write skew", EVERY, Set.of(),
                    Set.of(H2)),
            bug("jdbc-for-update-on-order-row", ForUpdate_BrokenLocksTheOrderRow.class,
                    ForUpdate_BrokenLocksTheOrderRow::new, Tables.withStock("stock_order",
                            "CREATE TABLE stock_order (request_id VARCHAR(100) NOT NULL, product VARCHAR(100) NOT NULL,"
                                    + " quantity BIGINT NOT NULL)"),
                    "SELECT ... FOR UPDATE locks the buyer's own order row, not the stock row", EVERY, Set.of(),
                    Set.of(MARIADB)),
            bug("jdbc-for-update-after-read", ForUpdate_BrokenTakenAfterTheRead.class,
                    ForUpdate_BrokenTakenAfterTheRead::new, Tables.STOCK,
                    "reads, then locks with FOR UPDATE, then decides on the first, stale read", EVERY, Set.of(),
                    Set.of(POSTGRESQL)),
            bug("spring-retry-around-the-commit", RetryAroundTheCommit_BrokenAppliesTwice.class,
                    RetryAroundTheCommit_BrokenAppliesTwice::new, Tables.withStock("sale_audit",
                            "CREATE TABLE sale_audit (request_id VARCHAR(100) NOT NULL, product VARCHAR(100) NOT NULL,"
                                    + " seq BIGINT NOT NULL, answer BIGINT NOT NULL)"),
                    "a retry loop around a committed purchase and its audit applies the purchase again",
                    Set.of(POSTGRESQL, MARIADB), Set.of(H2),
                    Set.of(POSTGRESQL)),
            dedupingBug("jdbc-idempotency-check-outside-tx", IdempotencyCheck_BrokenOutsideTheTransaction.class,
                    IdempotencyCheck_BrokenOutsideTheTransaction::new, Tables.withStock("processed_request",
                            "CREATE TABLE processed_request (request_id VARCHAR(100) NOT NULL,"
                                    + " product VARCHAR(100) NOT NULL, quantity BIGINT NOT NULL)"),
                    "the request id is looked up before the transaction: a resubmission passes twice", EVERY,
                    Set.of(MARIADB)),
            bug("spring-read-on-another-connection", ReadOnAnotherConnection_BrokenOutsideTheTransaction.class,
                    ReadOnAnotherConnection_BrokenOutsideTheTransaction::new, Tables.STOCK,
                    "@Transactional writes on its connection, the read takes its own from the DataSource", EVERY,
                    Set.of(),
                    Set.of(H2)),
            bug("jdbc-restock-overwrites-stock", Restock_BrokenOverwritesWithAnEarlierRead.class,
                    Restock_BrokenOverwritesWithAnEarlierRead::new, Tables.STOCK,
                    "the restock writes the stock it read earlier plus the units: a purchase in between is undone",
                    EVERY, Set.of(),
                    Set.of(MARIADB)),
            bug("jdbc-restock-keeps-the-version", VersionedPurchase_BrokenRestockKeepsTheVersion.class,
                    VersionedPurchase_BrokenRestockKeepsTheVersion::new, Tables.VERSIONED_STOCK,
                    "versioned purchases, a restock that does not bump the version: only a restock racing a"
                            + " purchase loses it", EVERY, Set.of(),
                    Set.of(H2)),
            bug("jpa-bulk-update-bypasses-version", JpaBulkUpdate_BrokenBypassesVersion.class,
                    JpaBulkUpdate_BrokenBypassesVersion::new, Tables.VERSIONED_STOCK_ITEM,
                    "@Version on the entity, the stock written by a JPQL bulk UPDATE that ignores it", EVERY,
                    Set.of(),
                    Set.of(H2)),
            bug("spring-self-invocation-no-transaction", SelfInvocation_BrokenNoTransaction.class,
                    SelfInvocation_BrokenNoTransaction::new, Tables.STOCK,
                    "@Transactional(SERIALIZABLE) on a method the bean calls on itself: no transaction at all",
                    EVERY, Set.of(),
                    Set.of(MARIADB)),
            bug("spring-repeatable-read-with-retry", ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb.class,
                    ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb::new, Tables.STOCK,
                    "read-then-write at REPEATABLE READ, retried: a lost update on MariaDB, refused elsewhere",
                    Set.of(MARIADB), Set.of(H2, POSTGRESQL),
                    Set.of(MARIADB)),
            twin("jdbc-guarded-update", GuardedUpdate.class, GuardedUpdate::new, Tables.STOCK,
                    List.of("spring-guard-stock-at-least-zero", "jdbc-read-then-write-read-committed"), EVERY,
                    EVERY),
            twin("jdbc-for-update-before-read", ForUpdateBeforeTheRead.class, ForUpdateBeforeTheRead::new,
                    Tables.STOCK, List.of("jdbc-for-update-after-read", "jdbc-for-update-on-order-row"), EVERY,
                    EVERY),
            twin("jpa-version-with-retry", JpaVersionWithRetry.class, JpaVersionWithRetry::new,
                    Tables.VERSIONED_STOCK_ITEM, List.of("jpa-detached-save-no-version", "jpa-bulk-update-bypasses-version"), EVERY,
                    Set.of(H2)),
            twin("spring-serializable-with-retry", SerializableWithRetry.class, SerializableWithRetry::new, Tables.STOCK,
                    List.of("spring-repeatable-read-with-retry"), EVERY,
                    Set.of())); // three buyers who retry: over the 5,000-execution limit on H2 (47 s), minutes on PostgreSQL

    @Override
    public List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        DESIGNS.forEach(d -> variants.add(d.design()));
        return variants;
    }

    private static DatabaseVariant.Builder declared(String name, Class<? extends Inventory> type,
                                                    DataSourceInventoryFactory factory, JdbcSchema schema, String what) {
        return DatabaseVariant.named(name)
                .overDataSource(type, schema, factory)
                .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS) // what its author believed
                .mechanism(what);
    }

    private static KnownBug bug(String name, Class<? extends Inventory> type, DataSourceInventoryFactory factory,
                                JdbcSchema schema, String bug, Set<Engine> caughtOn, Set<Engine> heldOn,
                                Set<Engine> byDefault) {
        return new KnownBug(declared(name, type, factory, schema, bug).doesNotDeduplicateRequestIds().build(), bug,
                caughtOn, heldOn, byDefault);
    }

    /** A bug in a design that promises to apply a resubmitted request once. */
    private static KnownBug dedupingBug(String name, Class<? extends Inventory> type,
                                       DataSourceInventoryFactory factory, JdbcSchema schema, String bug,
                                       Set<Engine> caughtOn, Set<Engine> byDefault) {
        return new KnownBug(declared(name, type, factory, schema, bug).build(), bug, caughtOn, Set.of(), byDefault);
    }

    private static CorrectTwin twin(String name, Class<? extends Inventory> type, DataSourceInventoryFactory factory,
                                    JdbcSchema schema, List<String> twinOf, Set<Engine> heldOn,
                                    Set<Engine> byDefault) {
        return new CorrectTwin(declared(name, type, factory, schema, "correct twin of " + String.join(", ", twinOf))
                .doesNotDeduplicateRequestIds().build(), twinOf, heldOn, byDefault);
    }
}
