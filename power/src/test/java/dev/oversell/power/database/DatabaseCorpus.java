package dev.oversell.power.database;

import dev.oversell.design.DataSourceInventoryFactory;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.Design;
import dev.oversell.design.DesignProvider;
import dev.oversell.model.Inventory;
import dev.oversell.power.CorpusEntry;
import dev.oversell.power.CorrectTwin;
import dev.oversell.power.KnownBug;
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

import java.util.ArrayList;
import java.util.List;

import static dev.oversell.design.Claim.NEVER_OVERSELLS;

/**
 * The database corpus: known-buggy designs written as teams write them (plain JDBC, Spring's JdbcTemplate with
 * {@code @Transactional} or a {@code TransactionTemplate}, JPA/Hibernate), and correct twins. It is the checks' own
 * test, not the catalogue: every design claims "never oversells", as its author believed, and
 * {@link DatabasePowerTest} asks the suite whether it agrees. What each must be (the bug, the engines that must catch
 * it or where it must hold, the findings that name it) is its class's {@link KnownBug} or
 * {@link CorrectTwin}, read as a {@link CorpusEntry} like the in-memory corpus's; where it runs by
 * default, its {@link dev.oversell.power.RunsByDefault} ({@code docs/power.md} says why, with the times measured).
 * Found by the suites through {@code META-INF/services/dev.oversell.design.DesignProvider}.
 */
public final class DatabaseCorpus implements DesignProvider {

    /** Every design of the corpus with what the suite must make of it, bugs first, in the order they run. */
    public static final List<CorpusEntry> ENTRIES = List.of(
            entry("jdbc-read-then-write-read-committed", ReadThenWrite_BrokenAtReadCommitted.class,
                    ReadThenWrite_BrokenAtReadCommitted::new, Tables.STOCK),
            entry("jpa-detached-save-no-version", JpaDetachedSave_BrokenWithoutVersion.class,
                    JpaDetachedSave_BrokenWithoutVersion::new, Tables.STOCK_ITEM),
            entry("jdbc-version-not-in-where", VersionRead_BrokenNotInWhere.class, VersionRead_BrokenNotInWhere::new,
                    Tables.VERSIONED_STOCK),
            entry("spring-guard-stock-at-least-zero", GuardAfterDecrement_BrokenWithoutCheck.class,
                    GuardAfterDecrement_BrokenWithoutCheck::new, Tables.STOCK),
            entry("jdbc-ledger-sum-repeatable-read", LedgerSum_BrokenWriteSkewAtRepeatableRead.class,
                    LedgerSum_BrokenWriteSkewAtRepeatableRead::new, Tables.LEDGER),
            entry("jdbc-for-update-on-order-row", ForUpdate_BrokenLocksTheOrderRow.class,
                    ForUpdate_BrokenLocksTheOrderRow::new, Tables.withStock("stock_order",
                            "CREATE TABLE stock_order (request_id VARCHAR(100) NOT NULL, product VARCHAR(100) NOT NULL,"
                                    + " quantity BIGINT NOT NULL)")),
            entry("jdbc-for-update-after-read", ForUpdate_BrokenTakenAfterTheRead.class,
                    ForUpdate_BrokenTakenAfterTheRead::new, Tables.STOCK),
            entry("spring-retry-around-the-commit", RetryAroundTheCommit_BrokenAppliesTwice.class,
                    RetryAroundTheCommit_BrokenAppliesTwice::new, Tables.withStock("sale_audit",
                            "CREATE TABLE sale_audit (request_id VARCHAR(100) NOT NULL, product VARCHAR(100) NOT NULL,"
                                    + " seq BIGINT NOT NULL, answer BIGINT NOT NULL)")),
            dedupingEntry("jdbc-idempotency-check-outside-tx", IdempotencyCheck_BrokenOutsideTheTransaction.class,
                    IdempotencyCheck_BrokenOutsideTheTransaction::new, Tables.withStock("processed_request",
                            "CREATE TABLE processed_request (request_id VARCHAR(100) NOT NULL,"
                                    + " product VARCHAR(100) NOT NULL, quantity BIGINT NOT NULL)")),
            entry("spring-read-on-another-connection", ReadOnAnotherConnection_BrokenOutsideTheTransaction.class,
                    ReadOnAnotherConnection_BrokenOutsideTheTransaction::new, Tables.STOCK),
            entry("jdbc-restock-overwrites-stock", Restock_BrokenOverwritesWithAnEarlierRead.class,
                    Restock_BrokenOverwritesWithAnEarlierRead::new, Tables.STOCK),
            entry("jdbc-restock-keeps-the-version", VersionedPurchase_BrokenRestockKeepsTheVersion.class,
                    VersionedPurchase_BrokenRestockKeepsTheVersion::new, Tables.VERSIONED_STOCK),
            entry("jpa-bulk-update-bypasses-version", JpaBulkUpdate_BrokenBypassesVersion.class,
                    JpaBulkUpdate_BrokenBypassesVersion::new, Tables.VERSIONED_STOCK_ITEM),
            entry("spring-self-invocation-no-transaction", SelfInvocation_BrokenNoTransaction.class,
                    SelfInvocation_BrokenNoTransaction::new, Tables.STOCK),
            entry("spring-repeatable-read-with-retry", ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb.class,
                    ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb::new, Tables.STOCK),
            entry("jdbc-guarded-update", GuardedUpdate.class, GuardedUpdate::new, Tables.STOCK),
            entry("jdbc-for-update-before-read", ForUpdateBeforeTheRead.class, ForUpdateBeforeTheRead::new,
                    Tables.STOCK),
            entry("jpa-version-with-retry", JpaVersionWithRetry.class, JpaVersionWithRetry::new,
                    Tables.VERSIONED_STOCK_ITEM),
            entry("spring-serializable-with-retry", SerializableWithRetry.class, SerializableWithRetry::new,
                    Tables.STOCK));

    @Override
    public List<Design> designs() {
        List<Design> variants = new ArrayList<>();
        ENTRIES.forEach(e -> variants.add(e.design()));
        return variants;
    }

    /** A design that does not promise to apply a resubmitted request once (most of the corpus). */
    private static CorpusEntry entry(String name, Class<? extends Inventory> type, DataSourceInventoryFactory factory,
                                     JdbcSchema schema) {
        return new CorpusEntry(declared(name, type, factory, schema).doesNotDeduplicateRequestIds().build(), type);
    }

    /** A design that promises to apply a resubmitted request once. */
    private static CorpusEntry dedupingEntry(String name, Class<? extends Inventory> type,
                                             DataSourceInventoryFactory factory, JdbcSchema schema) {
        return new CorpusEntry(declared(name, type, factory, schema).build(), type);
    }

    private static DatabaseDesign.Builder declared(String name, Class<? extends Inventory> type,
                                                    DataSourceInventoryFactory factory, JdbcSchema schema) {
        return DatabaseDesign.named(name)
                .overDataSource(type, schema, factory)
                .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS) // what its author believed
                .mechanism(mechanismOf(type));
    }

    private static String mechanismOf(Class<?> type) {
        KnownBug bug = type.getAnnotation(KnownBug.class);
        CorrectTwin twin = type.getAnnotation(CorrectTwin.class);
        return bug != null ? bug.value() : twin == null ? "" : "correct twin of " + String.join(", ", twin.twinOf());
    }
}
