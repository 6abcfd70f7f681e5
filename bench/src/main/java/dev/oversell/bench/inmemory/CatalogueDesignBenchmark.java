package dev.oversell.bench.inmemory;

import dev.oversell.bench.Buyer;
import dev.oversell.bench.EndlessStock;
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

import java.util.concurrent.TimeUnit;

/**
 * Every in-memory design of the catalogue, bought from by 1 to 8 threads at once: {@code naive} (check-then-act,
 * no coordination: it may oversell, and is here as the speed of doing nothing), {@code synchronized} (one
 * monitor), {@code actor} (one blocking ask per purchase to the actor that owns the stock) and
 * {@code seed-flow} (buyer, purchase actor, inventory actor, back to the buyer). The design names come from the
 * catalogue, which {@code BenchMain} passes in; nothing here lists them.
 *
 * <p>Each iteration gets a fresh inventory: every design remembers every request id it answered (so that a
 * retry is never applied twice), and that memory grows with every purchase. The forks run with a 4 GB heap and
 * short iterations so that this growth, and the garbage collector it wakes, stays a small part of the score.
 *
 * <p><b>What you should see:</b> {@code naive} and {@code synchronized} two orders of magnitude below the CAS loop
 * (ratios of 1/60 to 1/300; 0.3 to 1.2 M purchases per second on 2 cores). That gap is the contract, not the
 * lock: every purchase builds a request id and a record and inserts them into a map that grows all iteration,
 * which the bare CAS does not. {@code naive} is no faster than {@code synchronized} (its concurrent maps cost
 * what the monitor saves): skipping coordination buys nothing here, and oversells. The actor designs sit
 * another order of magnitude lower (1/1000 to 1/4000; 40 to 65 k per second): every purchase is a message, a
 * hand-off to a pool thread and the wake-up of a blocked caller, and {@code seed-flow} pays two hops. More
 * threads help the actors a little (callers queue messages while the actor is busy) and the CAS loop not at all,
 * so their ratios improve as threads are added.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main CatalogueDesignBenchmark -p design=synchronized,actor -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CatalogueDesignBenchmark {

    /** An in-memory design's catalogue name (see {@code Designs.inMemory()}). */
    @Param({})
    public String design;

    private Inventory inventory;

    @Setup(Level.Iteration)
    public void freshInventory() {
        inventory = DatabaseDesigns.instance(Designs.byName(design), EndlessStock.stock());
    }

    @TearDown(Level.Iteration)
    public void closeInventory() {
        inventory.close();
    }

    @Benchmark
    public PurchaseResult buy(Buyer buyer) {
        return inventory.buy(buyer.nextPurchase());
    }
}
