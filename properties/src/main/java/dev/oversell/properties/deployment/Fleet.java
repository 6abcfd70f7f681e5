package dev.oversell.properties.deployment;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.model.Inventory;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

import java.util.ArrayList;
import java.util.List;

/**
 * N app instances of one design in this JVM, sharing one store: each has its own connection pool (and its
 * own monitor, actor, owner), as separate app servers would; only the database is shared. Over the in-process
 * H2, each pool adds a {@link NetworkRoundTrip}, as a network between app servers and database would.
 */
final class Fleet implements AutoCloseable {

    private final List<Database> pools = new ArrayList<>();
    private final List<Inventory> instances = new ArrayList<>();

    Fleet(DatabaseDesign variant, Engine engine, Store store, int size) {
        try {
            for (int i = 0; i < size; i++) {
                Database pool = engine == Engine.H2 ? NetworkRoundTrip.over(DatabaseSettings.open(engine))
                        : DatabaseSettings.open(engine);
                pools.add(pool);
                instances.add(DatabaseDesigns.attach(variant, store.through(pool)));
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
