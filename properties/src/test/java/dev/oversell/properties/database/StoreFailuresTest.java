package dev.oversell.properties.database;

import dev.oversell.catalogue.jdbc.ConditionalUpdate;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Designs;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.script.PurchaseScript;
import dev.oversell.store.RetryPolicy;
import dev.oversell.script.Step;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import dev.oversell.script.TransactionMode;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.script.Tx;
import dev.oversell.store.DatabaseDesigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults on purpose (Jepsen's "nemesis", in miniature), on every reachable engine: the connection dies in the
 * middle of a purchase, the connection dies between a design's write and the record of its answer (every
 * database design, through {@link KillBeforeRecord}), and a lock is held until the retries run out. Either
 * way the buyer gets a clear error, nothing is applied, and resubmitting the same request id applies it
 * exactly once.
 */
class StoreFailuresTest {

    private static final String SKU = "sku";

    private static final Map<Engine, KillBeforeRecord> KILLERS = new EnumMap<>(Engine.class);

    @TestFactory
    Stream<DynamicTest> aConnectionKilledBetweenWriteAndRecordChangesNothing() {
        return DatabaseSettings.requestedServers().stream().flatMap(engine -> Designs.overStores().stream()
                .filter(variant -> !variant.ownTables()) // designs over Oversell's tables, which record their answers
                .map(variant -> DynamicTest.dynamicTest(engine.label() + ", " + variant.name()
                        + ": a connection killed between the write and the record", () -> killedBeforeRecord(engine, variant))));
    }

    private static void killedBeforeRecord(Engine engine, DatabaseDesign variant) {
        Database database = Engines.openOrSkip(engine);
        KillBeforeRecord killer = KILLERS.computeIfAbsent(engine, e -> new KillBeforeRecord(DatabaseSettings.open(e)));
        try (Store store = Store.create(database, Map.of(SKU, 3L));
             Inventory inventory = DatabaseDesigns.attach(variant, store.through(killer.database()))) {
            PurchaseRequest request = PurchaseRequest.of("killed-before-record-1", SKU, 1);
            killer.arm(store.purchasesTable());
            assertThatThrownBy(() -> inventory.buy(request)).as("the purchase whose connection died")
                    .isInstanceOf(RuntimeException.class);
            assertThat(killer.fired()).as("the fault was injected").isTrue();
            assertThat(inventory.stock(SKU)).as("%s on %s: the stock after a purchase that failed with an error"
                    + " (nothing may be applied)", variant.name(), engine.label()).isEqualTo(3);
            assertThat(inventory.buy(request)).as("the same request id, resubmitted").isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(inventory.buy(request)).as("and once more").isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(inventory.stock(SKU)).as("%s on %s: applied exactly once", variant.name(), engine.label())
                    .isEqualTo(2);
        }
    }

    /** How long the lock is held: longer than any fixed ask timeout a design used (10 s), within its retries. */
    private static final long HOLD_MILLIS = 12_000;

    /**
     * A row lock held for {@value #HOLD_MILLIS} ms while every design buys (all at once, each on its own store,
     * lock waits bounded at 2 s): each design's retries outlast the hold, so each must answer "purchased", and
     * none may give up first (an actor's ask timeout shorter than its handler's retries made a correct design
     * fail). On H2: what is measured is the design's own bounds, not the engine.
     */
    @TestFactory
    Stream<DynamicTest> everyDesignWaitsOutItsOwnRetries() {
        return Stream.of(DynamicTest.dynamicTest("H2: every design answers after a lock held " + HOLD_MILLIS
                + " ms, within its own retries", StoreFailuresTest::lockHeldWithinRetries));
    }

    private static void lockHeldWithinRetries() throws Exception {
        Engines.openOrSkip(Engine.H2);
        List<DatabaseDesign> designs = Designs.overStores().stream().filter(d -> !d.ownTables()).toList();
        try (Database patient = DatabaseSettings.open(Engine.H2, 2_000)) {
            List<Store> stores = new java.util.ArrayList<>();
            List<Inventory> inventories = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService buyers = java.util.concurrent.Executors.newFixedThreadPool(designs.size());
            try (Connection holder = patient.connection()) {
                holder.setAutoCommit(false);
                for (DatabaseDesign design : designs) {
                    Store store = Store.create(patient, Map.of(SKU, 3L));
                    stores.add(store);
                    inventories.add(DatabaseDesigns.attach(design, store));
                    try (Statement s = holder.createStatement()) {
                        s.executeUpdate("UPDATE " + store.stockTable() + " SET version = version + 1, supply = supply"
                                + " WHERE product = '" + SKU + "'");
                    }
                }
                List<java.util.concurrent.Future<PurchaseResult>> answers = new java.util.ArrayList<>();
                for (Inventory inventory : inventories) {
                    answers.add(buyers.submit(() -> inventory.buy(PurchaseRequest.of("patient-1", SKU, 1))));
                }
                Thread.sleep(HOLD_MILLIS);
                holder.rollback();
                for (int i = 0; i < designs.size(); i++) {
                    String design = designs.get(i).name();
                    PurchaseResult answer;
                    try {
                        answer = answers.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new AssertionError(design + " gave up while its own retries had time left: "
                                + e.getCause(), e.getCause());
                    }
                    assertThat(answer).as("%s after a lock held %d ms", design, HOLD_MILLIS)
                            .isInstanceOf(PurchaseResult.Purchased.class);
                    assertThat(inventories.get(i).stock(SKU)).as("%s: applied once", design).isEqualTo(2);
                }
            } finally {
                buyers.shutdownNow();
                inventories.forEach(Inventory::close);
                stores.forEach(Store::close);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> faultsGiveAClearErrorAndChangeNothing() {
        return DatabaseSettings.requestedServers().stream().flatMap(engine -> Stream.of(
                DynamicTest.dynamicTest(engine.label() + ": a connection killed mid-purchase is a clear error and"
                        + " changes nothing", () -> connectionKilledMidPurchase(engine)),
                DynamicTest.dynamicTest(engine.label() + ": a lock held past every retry is a clear error and"
                        + " changes nothing", () -> retriesRunOut(engine))));
    }

    /** Conditional update, with a step that has the engine kill this very session before the write. */
    private record KilledBeforeWrite(Database database) implements PurchaseScript {
        @Override
        public TransactionMode mode() {
            return TransactionMode.READ_COMMITTED;
        }

        @Override
        public List<Step> body() {
            Step write = new ConditionalUpdate().body().get(0);
            return List.of(new Step("read", tx -> tx.queryLong("SELECT stock FROM " + tx.store().stockTable()
                    + " WHERE product = ?", tx.product())), new Step("write", tx -> {
                        tx.update("UPDATE " + tx.store().stockTable() + " SET version = version + 1 WHERE product = ?",
                                tx.product());
                        kill(database, tx);
                        write.run(tx);
                    }));
        }

        private static void kill(Database database, Tx tx) throws SQLException {
            Engine engine = database.engine();
            long session = engine.sessionId(tx.connection());
            String kill = switch (engine.server()) {
                case POSTGRESQL -> "SELECT pg_terminate_backend(" + session + ")";
                case MARIADB, MARIADB_SNAPSHOT_ISOLATION -> "KILL " + session;
                case H2 -> "CALL ABORT_SESSION(" + session + ")";
            };
            try (Connection other = database.connection(); Statement s = other.createStatement()) {
                s.execute(kill);
            }
        }
    }

    private static void connectionKilledMidPurchase(Engine engine) {
        Database database = Engines.openOrSkip(engine);
        try (Store store = Store.create(database, Map.of(SKU, 3L))) {
            PurchaseRequest request = PurchaseRequest.of("killed-1", SKU, 1);
            TransactionalInventory doomed = new TransactionalInventory(store, new KilledBeforeWrite(database),
                    RetryPolicy.DEFAULT, false);
            assertThatThrownBy(() -> doomed.buy(request))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(request.toString());
            TransactionalInventory healthy = TransactionalInventory.over(store, new ConditionalUpdate());
            assertThat(healthy.stock(SKU)).as("nothing applied after the connection died").isEqualTo(3);
            assertThat(healthy.buy(request)).as("the same request id, resubmitted").isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(healthy.buy(request)).as("and once more: answered, not applied again")
                    .isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(healthy.stock(SKU)).as("applied exactly once").isEqualTo(2);
        }
    }

    private static void retriesRunOut(Engine engine) throws SQLException {
        Engines.openOrSkip(engine);
        try (Database impatient = DatabaseSettings.open(engine, 1_000);
             Store store = Store.create(impatient, Map.of(SKU, 3L));
             Connection holder = impatient.connection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE " + store.stockTable() + " SET version = version + 1 WHERE product = '" + SKU + "'");
            }
            TransactionalInventory inventory = new TransactionalInventory(store, new ConditionalUpdate(),
                    new RetryPolicy(2, 1, 1), false);
            PurchaseRequest request = PurchaseRequest.of("locked-out-1", SKU, 1);
            assertThatThrownBy(() -> inventory.buy(request))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("2 times in a row")
                    .hasMessageContaining("nothing was applied");
            holder.rollback();
            assertThat(inventory.stock(SKU)).as("nothing applied while locked out").isEqualTo(3);
            assertThat(inventory.buy(request)).isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(inventory.stock(SKU)).isEqualTo(2);
        }
    }

    @AfterAll
    static void closeEngines() {
        KILLERS.values().forEach(KillBeforeRecord::close);
        KILLERS.clear();
        Engines.closeAll();
    }
}
