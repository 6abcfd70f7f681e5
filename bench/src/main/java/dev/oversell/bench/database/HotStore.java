package dev.oversell.bench.database;

import dev.oversell.bench.EndlessStock;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;


/**
 * A benchmark fork's own tables on one engine: the engine's HikariCP pool, as {@link DatabaseSettings} opens it
 * for every Oversell suite, and a {@link Store} holding the {@link EndlessStock}. {@link #refill()} empties the
 * purchases table and puts the stock back (every purchase inserts a row; without it each iteration would start
 * on a larger table). {@link #close()} drops the tables and closes the pool: always close.
 *
 * <p>It never drops tables it did not create: another build may be running its database suites on the same
 * servers.
 */
public final class HotStore implements AutoCloseable {

    private final Database database;
    private final Store store;

    private HotStore(Database database, Store store) {
        this.database = database;
        this.store = store;
    }

    /**
     * Opens {@code engineKey} ({@code h2}, {@code postgresql}, {@code mariadb}) per the settings and creates
     * the tables. Fails with a {@code StoreException} naming the URL if the engine cannot be reached.
     */
    public static HotStore open(String engineKey) {
        return open(engineKey, null);
    }

    /** The same, with {@code design}'s own tables if it keeps its stock in tables of its own. */
    static HotStore open(String engineKey, dev.oversell.design.DatabaseDesign design) {
        Database database = DatabaseSettings.open(Engine.ofKey(engineKey));
        try {
            return new HotStore(database, design == null ? Store.create(database, EndlessStock.stock())
                    : DatabaseDesigns.createStore(design, database, EndlessStock.stock()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public Store store() {
        return store;
    }

    /** Empties the purchases table and resets the hot product's stock. */
    void refill() {
        store.reset(EndlessStock.stock());
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            database.close();
        }
    }
}
