package dev.oversell.catalogue;

import dev.oversell.design.InventoryFactory;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.store.DatabaseDesigns;
import dev.oversell.model.reference.SequentialInventory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link Inventory} contract, one call at a time, written once and run for the specification and for
 * every catalogue design. (Random sequences against the specification live in {@code properties/}.)
 */
class InventoryContractTest {

    /** The designs that de-duplicate request ids, as the contract asks (a design may declare it does not). */
    static Stream<Arguments> deduplicating() {
        return designs(v -> !(v instanceof dev.oversell.design.DatabaseDesign d) || d.deduplicatesRequestIds());
    }

    static Stream<Arguments> inventories() {
        return designs(v -> true);
    }

    private static Stream<Arguments> designs(java.util.function.Predicate<dev.oversell.design.Design> which) {
        return Stream.concat(
                Stream.of(Arguments.of("specification", (InventoryFactory) SequentialInventory::new)),
                Catalogue.all().stream().filter(which)
                        .map(v -> Arguments.of(v.name(), (InventoryFactory) stock -> DatabaseDesigns.instance(v, stock))));
    }

    private static Inventory stocked(InventoryFactory factory) {
        return factory.create(Map.of("sku", 2L, "other", 5L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void buysWhileStockLastsThenAnswersOutOfStockWithTheStockSeen(String name, InventoryFactory factory) {
        try (Inventory inventory = stocked(factory)) {
            assertThat(inventory.buy(PurchaseRequest.of("r1", "sku", 2)))
                    .isEqualTo(new PurchaseResult.Purchased("r1", "sku", 2));
            assertThat(inventory.buy(PurchaseRequest.of("r2", "sku", 1)))
                    .isEqualTo(new PurchaseResult.OutOfStock("r2", "sku", 1, 0));
            assertThat(inventory.stock("sku")).isZero();
            assertThat(inventory.stock("other")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deduplicating")
    void aRetriedRequestGetsItsFirstAnswerAndIsAppliedOnce(String name, InventoryFactory factory) {
        try (Inventory inventory = stocked(factory)) {
            PurchaseRequest request = PurchaseRequest.of("r1", "sku", 1);
            PurchaseResult first = inventory.buy(request);
            assertThat(inventory.buy(request)).isEqualTo(first);
            assertThat(inventory.stock("sku")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deduplicating")
    void aReusedRequestIdWithOtherContentIsRefusedAndChangesNothing(String name, InventoryFactory factory) {
        try (Inventory inventory = stocked(factory)) {
            inventory.buy(PurchaseRequest.of("r1", "sku", 1));
            assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r1", "other", 1)))
                    .isInstanceOf(RequestIdConflictException.class).hasMessageContaining("r1");
            assertThat(inventory.stock("sku")).isEqualTo(1);
            assertThat(inventory.stock("other")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void badInputIsAClearErrorAndChangesNothing(String name, InventoryFactory factory) {
        try (Inventory inventory = stocked(factory)) {
            assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r1", "ghost", 1)))
                    .isInstanceOf(UnknownProductException.class).hasMessageContaining("ghost");
            assertThatThrownBy(() -> inventory.stock("ghost")).isInstanceOf(UnknownProductException.class);
            assertThatThrownBy(() -> inventory.restock("ghost", 1)).isInstanceOf(UnknownProductException.class);
            assertThatThrownBy(() -> inventory.restock("sku", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1");
            assertThatThrownBy(() -> inventory.restock("sku", -3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> inventory.restock("sku", Long.MAX_VALUE))
                    .isInstanceOf(StockOverflowException.class).hasMessageContaining("overflow");
            // the failed unknown-product purchase was not recorded: the id is still free
            assertThat(inventory.buy(PurchaseRequest.of("r1", "sku", 1))).isInstanceOf(PurchaseResult.Purchased.class);
            assertThat(inventory.stock("sku")).isEqualTo(1);
            assertThat(inventory.stock("other")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void restockAddsUnits(String name, InventoryFactory factory) {
        try (Inventory inventory = stocked(factory)) {
            inventory.restock("sku", 3);
            assertThat(inventory.stock("sku")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void aClosedInventoryRefusesEveryCall(String name, InventoryFactory factory) {
        Inventory inventory = stocked(factory);
        inventory.close();
        inventory.close(); // idempotent
        assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r1", "sku", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inventory.restock("sku", 1)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inventories")
    void aNegativeInitialStockIsRefused(String name, InventoryFactory factory) {
        assertThatThrownBy(() -> factory.create(Map.of("sku", -1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
