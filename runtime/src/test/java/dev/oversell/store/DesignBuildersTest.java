package dev.oversell.store;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Deployment;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.model.Inventory;
import dev.oversell.model.reference.SequentialInventory;
import dev.oversell.engine.Engine;
import dev.oversell.script.PurchaseScript;
import dev.oversell.store.owner.OwnedReadModifyWrite;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static dev.oversell.design.Claim.NOT_APPLICABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An outside author cannot build an incoherent design: every builder names what is missing or wrong. */
class DesignBuildersTest {

    @Test
    void anInMemoryDesignNamesWhatItLacks() {
        assertThatThrownBy(() -> InMemoryDesign.named("mine").of(SequentialInventory.class, SequentialInventory::new)
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runsOnCallerThread()").hasMessageContaining("claims(").hasMessageContaining("mechanism(");
    }

    @Test
    void anInMemoryDesignClaimsForOneInstanceOnly() {
        InMemoryDesign mine = InMemoryDesign.named("mine").of(SequentialInventory.class, SequentialInventory::new)
                .runsOnCallerThread().claims(NEVER_OVERSELLS).mechanism("a lock").build();
        assertThat(mine.claim(Deployment.SINGLE_INSTANCE)).isEqualTo(NEVER_OVERSELLS);
        assertThat(mine.claim(Deployment.SHARED_STORE)).isEqualTo(NOT_APPLICABLE);
        assertThatThrownBy(() -> InMemoryDesign.named("x").of(SequentialInventory.class, SequentialInventory::new)
                .runsOnCallerThread().claims(NOT_APPLICABLE).mechanism("a lock").build())
                .isInstanceOf(IllegalArgumentException.class);
        try (Inventory inventory = mine.create(Map.of("p", 2L))) {
            assertThat(inventory.stock("p")).isEqualTo(2);
        }
    }

    @Test
    void aDatabaseDesignMustClaimOnEveryEngine() {
        assertThatThrownBy(() -> DatabaseDesign.named("mine").script(anyScript())
                .claimsOn(Engine.H2, NEVER_OVERSELLS, NEVER_OVERSELLS).mechanism("m").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a claim on POSTGRESQL").hasMessageContaining("a claim on MARIADB");
        assertThatThrownBy(() -> DatabaseDesign.named("mine").script(anyScript())
                .claimsOnEveryEngine(NEVER_OVERSELLS, NOT_APPLICABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDatabaseDesignHasOneShape() {
        assertThatThrownBy(() -> DatabaseDesign.named("mine").script(anyScript())
                .service(TransactionalInventory.class, Store.class, store -> TransactionalInventory.over(store, anyScript())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one shape");
        assertThatThrownBy(() -> DatabaseDesign.named("mine").jdbc(JdbcSchema.stockTable("t"), (ds, id, p, q) -> q)
                .script(anyScript()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one shape");
        assertThatThrownBy(() -> DatabaseDesign.named("mine").claimsOnEveryEngine(MAY_OVERSELL, MAY_OVERSELL)
                .mechanism("m").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jdbc(...)/script(...)/service(...)");
    }

    @Test
    void aJdbcDesignKeepsItsOwnTablesInAPrivateH2() {
        JdbcSchema schema = JdbcSchema.stockTable("shop_stock");
        DatabaseDesign dao = DatabaseDesign.named("dao").jdbc(schema, (dataSource, id, product, quantity) -> {
            try (var c = dataSource.getConnection(); var take = c.prepareStatement(
                    "UPDATE shop_stock SET stock = stock - ? WHERE product = ? AND stock >= ?")) {
                take.setInt(1, quantity);
                take.setString(2, product);
                take.setInt(3, quantity);
                return take.executeUpdate() == 1 ? quantity : 0;
            }
        }).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS).mechanism("guarded UPDATE").build();
        assertThat(dao.ownTables()).isTrue();
        assertThat(dao.schedulable()).isTrue();
        try (Inventory inventory = DatabaseDesigns.instance(dao, java.util.Map.of("sku", 1L))) {
            assertThat(inventory.buy(dev.oversell.model.PurchaseRequest.of("r1", "sku", 1)).unitsSold()).isEqualTo(1);
            assertThat(inventory.buy(dev.oversell.model.PurchaseRequest.of("r2", "sku", 1)))
                    .isEqualTo(dev.oversell.model.PurchaseResult.outOfStock(dev.oversell.model.PurchaseRequest.of("r2", "sku", 1), 0));
            assertThat(inventory.stock("sku")).isZero();
            assertThatThrownBy(() -> inventory.restock("sku", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** An order design over its own tables: it answers every order placed, for the test of how it is created. */
    private record PlacingEveryOrder(javax.sql.DataSource dataSource) implements dev.oversell.model.OrderInventory {
        @Override
        public dev.oversell.model.OrderResult place(dev.oversell.model.Order order) {
            return dev.oversell.model.OrderResult.placed(order);
        }

        @Override
        public dev.oversell.model.PurchaseResult buy(dev.oversell.model.PurchaseRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long stock(String product) {
            try (var c = dataSource.getConnection(); var read = c.prepareStatement("SELECT stock FROM order_stock WHERE product = ?")) {
                read.setString(1, product);
                try (var rs = read.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void restock(String product, long units) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aDatabaseDesignThatTakesOrdersIsCreatedAsOne() {
        DatabaseDesign orders = DatabaseDesign.named("orders")
                .overDataSource(PlacingEveryOrder.class, JdbcSchema.stockTable("order_stock"), PlacingEveryOrder::new)
                .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS).mechanism("m").build();
        try (Inventory inventory = DatabaseDesigns.instance(orders, Map.of("a", 1L, "b", 2L))) {
            assertThat(inventory).isInstanceOf(dev.oversell.model.OrderInventory.class);
            dev.oversell.model.Order order = dev.oversell.model.Order.of("o1", dev.oversell.model.Order.line("a", 1));
            assertThat(((dev.oversell.model.OrderInventory) inventory).place(order))
                    .isEqualTo(dev.oversell.model.OrderResult.placed(order));
            assertThat(inventory.stock("b")).isEqualTo(2);
        }
        DatabaseDesign single = DatabaseDesign.named("single").jdbc(JdbcSchema.stockTable("single_stock"),
                (dataSource, id, product, quantity) -> 0).claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                .mechanism("m").build();
        try (Inventory inventory = DatabaseDesigns.instance(single, Map.of("a", 1L))) {
            assertThat(inventory).isNotInstanceOf(dev.oversell.model.OrderInventory.class);
        }
    }

    @Test
    void aServiceBuiltOverAPrivateH2ClosesIt() {
        DatabaseDesign service = DatabaseDesign.named("svc")
                .service(TransactionalInventory.class, Store.class, store -> TransactionalInventory.over(store, anyScript()))
                .claimsOnEveryEngine(NEVER_OVERSELLS, MAY_OVERSELL).mechanism("m").build();
        assertThat(service.purchaseScript()).isEmpty();
        assertThat(service.claim(Deployment.SHARED_STORE, Engine.MARIADB)).isEqualTo(MAY_OVERSELL);
        try (Inventory inventory = DatabaseDesigns.instance(service, Map.of("p", 3L))) {
            assertThat(inventory.stock("p")).isEqualTo(3);
        }
    }

    @Test
    void aNameMustSurviveAFileAPropertyAndAMavenArgument() {
        assertThatThrownBy(() -> InMemoryDesign.named("My Design")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseDesign.named("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A purchase script of the store's own (the single owner's, unfenced): any script serves the builders' checks. */
    private static PurchaseScript anyScript() {
        return new OwnedReadModifyWrite(false, new ConcurrentHashMap<>());
    }
}
