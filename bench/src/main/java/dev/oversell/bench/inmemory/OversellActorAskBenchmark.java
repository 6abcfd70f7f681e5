package dev.oversell.bench.inmemory;

import dev.oversell.actor.ActorRef;
import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.actor.StopMode;
import dev.oversell.bench.Buyer;
import dev.oversell.bench.EndlessStock;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Oversell's own actor runtime, asked directly: an actor owning a {@code SequentialInventory}
 * ({@link SequentialInventoryActor}) on the shared default actor system (the pool the catalogue's {@code actor}
 * design uses), asked in two ways.
 *
 * <ul>
 *   <li>{@code oversellActorBlockingAsk}: one ask, then wait for its answer; what the catalogue's {@code actor}
 *       design does behind {@code Inventory.buy}. The two should score alike.</li>
 *   <li>{@code oversellActorPipelinedAsks}: {@value AskBatch#SIZE} asks sent, then all awaited; the score is
 *       still per purchase. The actor drains several messages per turn and the caller blocks once per batch.</li>
 * </ul>
 *
 * <p><b>What you should see:</b> the blocking ask about three orders of magnitude below the CAS loop (50 to 80 k
 * purchases per second on 2 cores), bound by the hand-off between caller and pool thread: park, unpark, a
 * context switch. Pipelining gets two to three times that (120 to 230 k): the mailbox is rarely empty, so the
 * actor is not re-scheduled per message, and the caller parks once per batch. The one actor stays the ceiling:
 * threads add waiting callers, not writers.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main OversellActorAskBenchmark -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class OversellActorAskBenchmark {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private ActorRef<SequentialInventoryActor.Buy> inventory;

    @Setup(Level.Iteration)
    public void freshActor() {
        inventory = SequentialInventoryActor.spawn(DefaultActorSystem.get(), EndlessStock.stock());
    }

    @TearDown(Level.Iteration)
    public void stopActor() {
        inventory.stop(StopMode.DRAIN).join();
    }

    @Benchmark
    public PurchaseResult oversellActorBlockingAsk(Buyer buyer) {
        return ask(buyer.nextPurchase()).join();
    }

    @Benchmark
    @OperationsPerInvocation(AskBatch.SIZE)
    public int oversellActorPipelinedAsks(Buyer buyer) {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: CompletableFuture<PurchaseResult>[]
        CompletableFuture<PurchaseResult>[] answers = new CompletableFuture[AskBatch.SIZE];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = ask(buyer.nextPurchase());
        }
        return AskBatch.unitsSold(answers);
    }

    private CompletableFuture<PurchaseResult> ask(PurchaseRequest purchase) {
        return inventory.ask(reply -> new SequentialInventoryActor.Buy(purchase, reply), ASK_TIMEOUT);
    }
}
