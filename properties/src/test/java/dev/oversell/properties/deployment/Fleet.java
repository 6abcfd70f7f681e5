package dev.oversell.properties.deployment;

import dev.oversell.catalogue.Variant;
import dev.oversell.model.Inventory;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import dev.oversell.store.Store;

import java.util.ArrayList;
import java.util.List;

/**
 * N app instances of one variant in this JVM, sharing one store: each has its own connection pool (and its
 * own monitor, actor, owner), as separate app servers would; only the database is shared.
 */
final class Fleet implements AutoCloseable {

    private final List<Database> pools = new ArrayList<>();
    private final List<Inventory> instances = new ArrayList<>();

    Fleet(Variant variant, Engine engine, Store store, int size) {
        try {
            for (int i = 0; i < size; i++) {
                Database pool = DatabaseSettings.open(engine);
                pools.add(pool);
                instances.add(variant.attach(store.through(pool)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    List<Inventory> instances() {
        return instances;
    }

    @Override
    public void close() {
        instances.forEach(Inventory::close);
        instances.clear();
        pools.forEach(Database::close);
        pools.clear();
    }
}
