package dev.oversell.bench.database;

import dev.oversell.bench.Buyer;
import dev.oversell.bench.IterationCounter;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Designs;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.DatabaseDesigns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * Every database design of the catalogue on one engine, with 1, 4 or 8 clients (JMH threads) buying the same
 * hot product: one app instance ({@code Design.attach}) over the fork's own tables, on the engine's HikariCP
 * pool. Each result is divided by {@link RawJdbcFloorBenchmark}, the bare conditional {@code UPDATE} on the same
 * engine with the same clients: the floor the engine sets.
 *
 * <p>Each iteration starts from an empty purchases table and a fresh app instance (the store is refilled, the
 * design re-attached). Every purchase is a round trip or more to the engine, a row lock on the hot product and
 * an insert into the purchases table (the answer a retry finds). A purchase that ends in an exception (retries
 * run out) counts as a call and as {@code failed} ({@link FailedPurchases}). The designs written as teams write
 * them (Spring, JPA, the DAO) run over their own tables, made from their Flyway migration.
 *
 * <p><b>What you should see:</b> every design does the floor's work plus its own (a purchases row, often a read
 * and a transaction), so ratios sit mostly between 1/2 and 1/10. On H2, where statements are nearly free, every
 * extra statement shows in full (1/3 to 1/12). The SERIALIZABLE ledger under contention is the lowest (1/20 to
 * 1/60 on MariaDB with 4 or 8 clients). Under contention the floor holds the hot row for one statement, while
 * a design holds it for its whole transaction, across round trips. REPEATABLE READ, SERIALIZABLE and the
 * optimistic version abort and retry under contention, and some purchases run out of retries ({@code failed}
 * is not zero, marked † in the summary). The JVM-serialised designs ({@code db-synchronized-service} and the
 * actor ones) keep about the same throughput whatever the clients: one purchase is in flight at a time. Ratios
 * move with the floor, and the servers' floors move between runs (see {@link RawJdbcFloorBenchmark}), so compare
 * designs within one engine and one run. Results of designs that may oversell are speeds, not endorsements: see
 * the verdicts.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main "DatabaseDesignBenchmark|RawJdbcFloorBenchmark" -p
 * engine=postgresql -p design=db-conditional-update,db-select-for-update -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class DatabaseDesignBenchmark {

    /** The engine: {@code h2}, {@code postgresql} or {@code mariadb} (reached per {@code DatabaseSettings}). */
    @Param({"h2", "postgresql", "mariadb"})
    public String engine;

    /** A database design's catalogue name (see {@code Designs.overStores()}). */
    @Param({})
    public String design;

    private final IterationCounter iterations = new IterationCounter();
    private HotStore store;
    private Inventory inventory;

    @Setup(Level.Trial)
    public void openStore() {
        store = HotStore.open(engine, Designs.byName(design, DatabaseDesign.class));
    }

    @Setup(Level.Iteration)
    public void freshInstance() {
        store.refill();
        inventory = DatabaseDesigns.attach(Designs.byName(design, DatabaseDesign.class), store.store());
    }

    /** Closes the instance; after the last iteration, drops the tables too (see {@link IterationCounter}). */
    @TearDown(Level.Iteration)
    public void closeInstance(BenchmarkParams params) {
        inventory.close();
        if (iterations.finishedLast(params)) {
            dropStore();
        }
    }

    /** Drops the tables if no iteration did (a failed run). */
    @TearDown(Level.Trial)
    public void dropStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Benchmark
    public PurchaseResult buy(Buyer buyer, FailedPurchases failures) {
        try {
            return inventory.buy(buyer.nextPurchase());
        } catch (RuntimeException failed) {
            // Oversell's store gives up with a StoreException when retries run out; the designs written as teams
            // write them give up their own way (the JPA @Version design after its attempts): a failed purchase,
            // as the load runs count it
            failures.failed++;
            return null;
        }
    }
}
