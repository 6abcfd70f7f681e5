package dev.oversell.bench.inmemory;

import dev.oversell.bench.EndlessStock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory reference: the cheapest correct way to take one unit off a stock, a compare-and-set loop on an
 * {@link AtomicLong}. Every other in-memory result is divided by this one at the same thread count.
 *
 * <p>It never oversells (the CAS only succeeds on the value the check read), but it is not an
 * {@code Inventory}: no request id, no memory of answers, no retry safety, one product. That bookkeeping is part
 * of what the real designs pay for, and the ratio includes it on purpose: "what does safety plus the contract
 * cost, over the bare atomic decrement".
 *
 * <p><b>What you should see:</b> on the order of 100 million decrements per second (about 150 M on one thread of
 * the 2-core machine this was written on). More threads lower the total rather than raise it (70 to 100 M there):
 * every thread hammers one cache line, and a CAS that lost the race is retried. On 2 cores the 4- and 8-thread
 * results are time-slicing, not parallelism.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main CasLoopReferenceBenchmark -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CasLoopReferenceBenchmark {

    private AtomicLong stock;

    @Setup(Level.Iteration)
    public void fullStock() {
        stock = new AtomicLong(EndlessStock.STOCK);
    }

    /** Takes one unit if there is one: check and act in one atomic step, retried if another thread got there first. */
    @Benchmark
    public boolean casLoop() {
        long current;
        do {
            current = stock.get();
            if (current < 1) {
                return false;
            }
        } while (!stock.compareAndSet(current, current - 1));
        return true;
    }
}
