package dev.oversell.store;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.Design;
import dev.oversell.model.ForwardingInventory;
import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;

import java.util.Map;

/**
 * How a database design's declaration ({@link DatabaseDesign}, in the API) becomes instances over a database: its
 * tables, a store holding them, one instance per app server attached to a store, or an instance of its own over a
 * private in-memory H2 for the checks that run a design in one JVM.
 */
public final class DatabaseDesigns {

    private DatabaseDesigns() {
    }

    /**
     * A fresh, independent instance of any design holding {@code initialStock}: an in-memory design as declared, a
     * database design over a private in-memory H2 ({@link #inPrivateH2}).
     */
    public static Inventory instance(Design design, Map<String, Long> initialStock) {
        return design instanceof InMemoryDesign inMemory ? inMemory.create(initialStock)
                : inPrivateH2((DatabaseDesign) design, initialStock);
    }

    /**
     * The tables: the design's own; for a design over Oversell's tables, those of the store with id
     * {@code storeId}, with the design's stock reader.
     */
    public static JdbcSchema schema(DatabaseDesign design, String storeId) {
        return design.tables().orElseGet(() -> Store.schema(storeId, design.purchaseScript().orElse(null)));
    }

    /**
     * A fresh store for {@code design} in {@code database}, holding {@code initialStock}: its own tables, or
     * Oversell's. Closing the store drops them.
     */
    public static Store createStore(DatabaseDesign design, Database database, Map<String, Long> initialStock) {
        return design.tables().map(own -> Store.create(database, own, initialStock))
                .orElseGet(() -> Store.create(database, initialStock));
    }

    /**
     * One instance (one app server) of {@code design} over {@code store}, shared with any other instance attached
     * to it: for a design with its own tables, an instance over the store's data source (the store holds its tables).
     */
    public static Inventory attach(DatabaseDesign design, Store store) {
        if (design.dataSourceFactory().isPresent()) {
            return design.dataSourceFactory().get().over(store.database().dataSource());
        }
        if (design.purchaseScript().isPresent()) {
            return TransactionalInventory.over(store, design.purchaseScript().get());
        }
        return design.service().orElseThrow().attach(store);
    }

    /**
     * A fresh instance of {@code design} over a private in-memory H2 holding {@code initialStock}; closing it drops
     * the H2. An instance that takes orders ({@link OrderInventory}) is handed back as one.
     */
    public static Inventory inPrivateH2(DatabaseDesign design, Map<String, Long> initialStock) {
        Store store = design.tables().map(own -> Store.inPrivateH2(own, initialStock))
                .orElseGet(() -> Store.inPrivateH2(initialStock));
        try {
            Inventory instance = attach(design, store);
            return instance instanceof OrderInventory orders ? new TakingOrdersOwningItsStore(orders, store)
                    : new OwningItsStore(instance, store);
        } catch (RuntimeException failed) {
            store.close();
            throw failed;
        }
    }

    /** An instance that closes its private store after itself. */
    private static class OwningItsStore extends ForwardingInventory {
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

    /** An instance that takes orders and closes its private store after itself. */
    private static final class TakingOrdersOwningItsStore extends OwningItsStore implements OrderInventory {
        private final OrderInventory orders;

        TakingOrdersOwningItsStore(OrderInventory orders, Store store) {
            super(orders, store);
            this.orders = orders;
        }

        @Override
        public OrderResult place(Order order) {
            return orders.place(order);
        }
    }
}
