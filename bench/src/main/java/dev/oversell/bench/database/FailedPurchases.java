package dev.oversell.bench.database;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Purchases that ended in an exception instead of an answer (a {@code StoreException}: retries ran out after
 * repeated serialization failures, deadlocks or lock timeouts; or a design's own, such as the JPA {@code @Version}
 * design's when its attempts ran out). They still count in the benchmark's score, as
 * calls; JMH reports this counter beside it as a secondary result {@code failed} (per second), and the summary
 * flags every cell where it is not zero. With a stock this large, no purchase is ever out of stock.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FailedPurchases {

    public long failed;

    @Setup(Level.Iteration)
    public void reset() {
        failed = 0;
    }
}
