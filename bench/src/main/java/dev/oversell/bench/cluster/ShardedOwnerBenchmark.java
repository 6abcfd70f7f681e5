package dev.oversell.bench.cluster;

import dev.oversell.bench.Buyer;
import dev.oversell.bench.database.FailedPurchases;
import dev.oversell.cluster.ClusterBuyer;
import dev.oversell.model.PurchaseRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The single owner on Apache Pekko Cluster Sharding, fenced ({@code pekko-sharded-owner-fenced}, the cluster module's
 * {@code ProductEntity}): purchases through a three-node cluster of separate JVM processes to the hot product's
 * sharded entity, which writes each one through to the engine with its fencing token. Clients are JMH threads
 * (1, 4 or 8); each sends its purchases over TCP to the nodes in turn ({@link ClusterClient}), so two purchases in
 * three arrive at a node that does not hold the entity and are forwarded over Pekko's remoting. Each result is
 * divided by {@code RawJdbcFloorBenchmark} on the same engine with the same clients, measured in the same
 * {@code BenchMain} run, beside {@code db-conditional-update} and {@code db-single-owner-actor} (the home-made
 * owner directory).
 *
 * <p>JMH here times the client side of a round trip: the work happens in the node processes and the database.
 * The cluster is started in the fork's trial set-up ({@link ShardedOwnerCluster}), so its start-up (a few seconds)
 * is not timed, and the warm-up iteration is where the shard is allocated and the entity claims the product.
 *
 * <p><b>What you should see:</b> at one client, a purchase's whole round trip: a TCP hop to a node, two times in
 * three a remoting hop to the entity's node and back, and the entity's transaction (its read, the fenced write,
 * the purchase row), every hop a wake-up in another process on the same 2 cores. On the machine this was written
 * on: 1/12 to 1/23 of the raw {@code UPDATE} on PostgreSQL and 4 to 7 times below the home-made owner in most
 * runs (level with it when the engine's own floor collapsed under another build's load). It rises with clients
 * (a few hundred purchases per second at 4 and 8): the entity still handles one purchase at a time, but more
 * clients keep its mailbox full while other purchases are on their way, and there it lands within about 2× of
 * the home-made owner and of the conditional {@code UPDATE} design, on either side from run to run. The node JVMs
 * start cold with each fork and were still getting faster after the 20 warm-up iterations BenchMain gives them:
 * a warm cluster did 1.4 to 2 times as much. A purchase that failed (not answered within the node's ask timeout,
 * or fenced out) counts as a call and as {@code failed}; in a healthy cluster there should be none.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}, or with its companions only,
 * {@code java -Doversell.bench.groups=cluster -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main ShardedOwnerBenchmark -p engine=postgresql -t 4}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class ShardedOwnerBenchmark {

    /** The design's name in the results: the benchmark method's, in kebab case. */
    public static final String VARIANT = "pekko-sharded-owner-fenced";

    @Benchmark
    public int pekkoShardedOwnerFenced(ShardedOwnerCluster cluster, ClusterClient client, Buyer buyer,
                                       FailedPurchases failures) {
        PurchaseRequest purchase = buyer.nextPurchase();
        ClusterBuyer.Answer answer = client.buyer().buy(client.lane(), purchase.requestId(), purchase.product(),
                purchase.quantity());
        if (answer.failed()) {
            failures.failed++;
        }
        return answer.unitsSold();
    }
}
