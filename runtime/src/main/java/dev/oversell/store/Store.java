package dev.oversell.store;

import dev.oversell.engine.Engine;
import dev.oversell.script.PurchaseScript;
import dev.oversell.script.Tables;

import dev.oversell.design.JdbcSchema;
import dev.oversell.model.reference.SequentialInventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a database design keeps its stock in, in one {@link Database}: one store may be shared by many
 * design instances (several app servers over one database), which is exactly the deployment Oversell
 * measures. Each store has its own table names ({@code ovs_<id>_stock}, {@code ovs_<id>_purchases}), so runs
 * never see each other; {@link #close()} drops them, and {@link #dropLeftovers} removes what a killed run left.
 * The id says when the store was made ({@code t<seconds since 1970, base 36>_<random hex>}), so that the
 * clean-up at start-up drops only leftovers older than {@link #LEFTOVER_AGE}, never the tables of a run still
 * in progress on the same server.
 *
 * <pre>
 *   ovs_&lt;id&gt;_stock     (product PK, stock, version; supply = units restocked, for designs that derive stock;
 *                       owner_epoch, the fencing token of a single-owner design)
 *   ovs_&lt;id&gt;_purchases (request_id PK, product, quantity, purchased 0/1, stock_seen)  -- one row per answer
 * </pre>
 *
 * <p>A design that keeps its stock in tables of its own ({@link JdbcSchema}) gets a store of those tables
 * ({@link #create(Database, JdbcSchema, Map)}): the same life cycle (created, reset, shared, dropped), its
 * names the design's own, so only one such store of a design lives in a database at a time.
 */
public final class Store implements Tables, AutoCloseable {

    public static final String PREFIX = "ovs_";

    /**
     * How old a store's tables must be before another run's start-up clean-up drops them: far longer than any
     * run lasts, so only what a killed run left behind goes.
     */
    public static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private static final Pattern OUR_TABLE = Pattern.compile(PREFIX + "t([0-9a-z]+)_[0-9a-f]+_(stock|purchases)");

    private final Database database;
    private final String id;
    /** The design's own tables, or null: Oversell's {@code ovs_<id>_*} tables. */
    private final JdbcSchema own;
    private final boolean ownsDatabase;
    private boolean isView;
    private boolean closed;

    private Store(Database database, String id, boolean ownsDatabase) {
        this(database, id, null, ownsDatabase);
    }

    private Store(Database database, String id, JdbcSchema own, boolean ownsDatabase) {
        this.database = database;
        this.id = id;
        this.own = own;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * A design's own tables in {@code database}, (re)created and filled with {@code initialStock}: whatever a
     * killed run left of them is dropped first.
     */
    public static Store create(Database database, JdbcSchema schema, Map<String, Long> initialStock) {
        Map<String, Long> stock = SequentialInventory.copyOfValid(initialStock);
        Store store = new Store(Objects.requireNonNull(database, "database"), "own",
                Objects.requireNonNull(schema, "schema"), false);
        store.reset(stock);
        return store;
    }

    /** A design's own tables in a fresh private H2 database, which closing the store closes too. */
    public static Store inPrivateH2(JdbcSchema schema, Map<String, Long> initialStock) {
        Map<String, Long> stock = SequentialInventory.copyOfValid(initialStock);
        Database database = Database.privateH2();
        Store store = new Store(database, "own", Objects.requireNonNull(schema, "schema"), true);
        try {
            store.reset(stock);
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Oversell's tables for store {@code id} as a {@link JdbcSchema}: what a checker creates, stocks, reads
     * ({@code script}'s stock reader; the plain one if null) and drops around each schedule.
     */
    public static JdbcSchema schema(String id, PurchaseScript script) {
        Store names = new Store(null, id, false);
        return new JdbcSchema(names.createStatements(), List.of("DROP TABLE IF EXISTS " + names.purchasesTable(),
                "DROP TABLE IF EXISTS " + names.stockTable()),
                "INSERT INTO " + names.stockTable() + " (product, stock, supply, version, owner_epoch) VALUES (?, ?, 0, 0, 0)",
                script == null ? PurchaseScript.plainStockQuery(names) : script.stockQuery(names),
                List.of("DELETE FROM " + names.purchasesTable(), "DELETE FROM " + names.stockTable()));
    }

    /** The design's own tables, if it keeps its stock in tables of its own. */
    public java.util.Optional<JdbcSchema> ownTables() {
        return java.util.Optional.ofNullable(own);
    }

    /** Creates the tables in {@code database} and fills them with {@code initialStock}. */
    public static Store create(Database database, Map<String, Long> initialStock) {
        Map<String, Long> stock = SequentialInventory.copyOfValid(initialStock);
        Store store = new Store(Objects.requireNonNull(database, "database"), newId(), false);
        store.createTables();
        store.reset(stock);
        return store;
    }

    private static String newId() {
        return idMadeAt(Instant.now());
    }

    /** A fresh store id that says it was made at {@code madeAt}. */
    public static String idMadeAt(Instant madeAt) {
        return "t" + Long.toString(madeAt.getEpochSecond(), Character.MAX_RADIX) + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
    }

    /** A store in a fresh private H2 database, which closing the store closes too. */
    public static Store inPrivateH2(Map<String, Long> initialStock) {
        Map<String, Long> stock = SequentialInventory.copyOfValid(initialStock); // refuse bad stock before any work
        Database database = Database.privateH2();
        Store store = new Store(database, newId(), true);
        try {
            store.createTables();
            store.reset(stock);
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The same tables reached through another {@link Database} (another app instance's own pool, or another
     * process). The view neither creates nor drops anything.
     */
    public Store through(Database other) {
        return new Store(other, id, own, false).view();
    }

    /** The tables of store {@code id}, made by another process, reached through {@code database}. */
    public static Store existing(Database database, String id) {
        return new Store(database, id, false).view();
    }

    private Store view() {
        this.isView = true;
        return this;
    }

    /** The id in the table names; pass it to another process to share this store. */
    public String id() {
        return id;
    }

    public Database database() {
        return database;
    }

    public Engine engine() {
        return database.engine();
    }

    public String stockTable() {
        requireOversellTables();
        return PREFIX + id + "_stock";
    }

    public String purchasesTable() {
        requireOversellTables();
        return PREFIX + id + "_purchases";
    }

    private void requireOversellTables() {
        if (own != null) {
            throw new IllegalStateException("this store holds a design's own tables, not Oversell's");
        }
    }

    private List<String> createStatements() {
        return List.of("CREATE TABLE " + stockTable() + " (product VARCHAR(100) NOT NULL PRIMARY KEY, stock BIGINT NOT NULL,"
                        + " supply DECIMAL(38, 0) NOT NULL, version BIGINT NOT NULL, owner_epoch BIGINT NOT NULL)",
                "CREATE TABLE " + purchasesTable() + " (request_id VARCHAR(200) NOT NULL PRIMARY KEY,"
                        + " product VARCHAR(100) NOT NULL, quantity INT NOT NULL, purchased INT NOT NULL,"
                        + " stock_seen BIGINT NOT NULL)",
                "CREATE INDEX " + PREFIX + id + "_by_product ON " + purchasesTable() + " (product)");
    }

    private void createTables() {
        run(createStatements().toArray(String[]::new));
    }

    /**
     * Puts {@code initialStock} back and nothing else: every schedule and run starts from here (Oversell's tables
     * are emptied; a design's own tables are dropped and created again).
     */
    public void reset(Map<String, Long> initialStock) {
        Map<String, Long> stock = SequentialInventory.copyOfValid(initialStock);
        if (own != null) {
            resetOwn(stock);
            return;
        }
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (database.engine().server() == Engine.POSTGRESQL) {
                    // the reset is the harness's: its commit need not wait for the WAL to reach the disk; what the
                    // design's transactions see is the same
                    s.execute("SET LOCAL synchronous_commit = off");
                }
                s.executeUpdate("DELETE FROM " + purchasesTable());
                s.executeUpdate("DELETE FROM " + stockTable());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + stockTable()
                    + " (product, stock, supply, version, owner_epoch) VALUES (?, ?, 0, 0, 0)")) {
                for (var entry : stock.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setLong(2, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("could not reset the store in " + database + ": " + e.getMessage(), e);
        }
    }

    private void resetOwn(Map<String, Long> stock) {
        try (Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                for (String ddl : own.drop()) {
                    s.execute(ddl);
                }
                for (String ddl : own.create()) {
                    s.execute(ddl);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(own.stockProduct())) {
                for (var entry : stock.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setLong(2, entry.getValue());
                    insert.executeUpdate();
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new StoreException("could not create the design's tables in " + database + ": " + e.getMessage(), e);
        }
    }

    private void run(String... statements) {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new StoreException("could not set up the store in " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the tables of stores made more than {@link #LEFTOVER_AGE} ago (by this machine's clock): what earlier,
     * killed runs left behind. The tables of a run still in progress, and tables whose names this class did
     * not make, are left alone. Returns how many tables were dropped.
     */
    public static int dropLeftovers(Database database) {
        return dropLeftovers(database, Instant.now().minus(LEFTOVER_AGE));
    }

    /** Drops the tables of stores made before {@code madeBefore}; see {@link #dropLeftovers(Database)}. */
    public static int dropLeftovers(Database database, Instant madeBefore) {
        int dropped = 0;
        try (Connection c = database.connection()) {
            List<String> tables = new ArrayList<>();
            try (var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    Matcher ours = OUR_TABLE.matcher(name.toLowerCase(Locale.ROOT));
                    if (ours.matches() && madeAt(ours.group(1)).isBefore(madeBefore)) {
                        tables.add(name);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                    dropped++;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not clean up " + database + ": " + e.getMessage(), e);
        }
        return dropped;
    }

    private static Instant madeAt(String base36Seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(base36Seconds, Character.MAX_RADIX));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Instant.MAX; // not a time this class wrote: leave the table alone
        }
    }

    /** Drops the tables (and closes a private database); a view ({@link #through}) drops nothing. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!ownsDatabase && !isView) {
                run(own != null ? own.drop().toArray(String[]::new)
                        : new String[] {"DROP TABLE IF EXISTS " + purchasesTable(), "DROP TABLE IF EXISTS " + stockTable()});
            }
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    @Override
    public String toString() {
        return (own != null ? "the design's own tables" : stockTable()) + " in " + database;
    }
}
