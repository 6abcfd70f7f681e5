package dev.oversell.bench.redis;

import dev.oversell.bench.Buyer;
import dev.oversell.bench.EndlessStock;
import dev.oversell.catalogue.redis.RedisDesigns;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.RedisEndpoint;
import dev.oversell.redis.RedisSettings;
import io.lettuce.core.api.StatefulRedisConnection;
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
 * Every Redis design of {@link RedisDesigns} on the configured Redis ({@code -Doversell.redis.url}), with 1 or 4
 * clients (JMH threads) buying the same hot product through one application instance, as the database designs are
 * measured through one. The ceiling is Redis's own: {@code redis-benchmark} sending {@code DECRBY} of one key over
 * as many connections, on the same machine ({@code BenchMain} runs it beside this and divides by it).
 *
 * <p>Each trial seeds a fresh store ({@link Keyspace#fresh()}) with the {@link EndlessStock} and deletes it after.
 * The designs that record each request's answer (the Lua ones) keep one hash field per purchase for the trial.
 *
 * <p><b>What you should see:</b> one round trip per purchase for the Lua designs and two or three for the others;
 * with one client every design waits for Redis on each command, with four they share one connection (Lettuce
 * pipelines the threads' commands on it) or, {@code WATCH}ing, open one per call. Results of designs that may
 * oversell are speeds, not endorsements: see the verdicts.
 *
 * <p><b>Run:</b> as part of the matrix ({@code -Doversell.bench.groups=redis}); alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main RedisDesignBenchmark -p design=redis-lua-check-and-decrement
 * -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class RedisDesignBenchmark {

    /** A Redis design's name (see {@link RedisDesigns#all()}). */
    @Param({})
    public String design;

    private RedisEndpoint redis;
    private StatefulRedisConnection<String, String> seeder;
    private Keyspace keys;
    private Inventory inventory;

    @Setup(Level.Trial)
    public void openStore() {
        RedisDesign declared = RedisDesigns.all().stream().filter(d -> d.name().equals(design)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Redis design named '" + design + "'"));
        redis = RedisEndpoint.at(RedisSettings.uri());
        seeder = redis.client().connect();
        keys = Keyspace.fresh();
        keys.seed(seeder.sync(), EndlessStock.stock());
        inventory = declared.create(redis, keys);
    }

    @TearDown(Level.Trial)
    public void deleteStore() {
        try {
            inventory.close();
        } finally {
            keys.deleteAll(seeder.sync());
            seeder.close();
            redis.close();
        }
    }

    @Benchmark
    public PurchaseResult buy(Buyer buyer) {
        return inventory.buy(buyer.nextPurchase());
    }
}
