package dev.oversell.bench.inmemory;

import dev.oversell.bench.Buyer;
import dev.oversell.bench.EndlessStock;
import dev.oversell.bench.IterationCounter;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The peer: the same purchase workload on an Apache Pekko typed actor owning a {@code SequentialInventory}
 * ({@link PekkoInventoryActor}), asked with Pekko's ask pattern in the same two ways as
 * {@link OversellActorAskBenchmark}: one blocking ask per purchase ({@code pekkoBlockingAsk}), and
 * {@value AskBatch#SIZE} asks sent then awaited ({@code pekkoPipelinedAsks}, scored per purchase).
 *
 * <p>Pekko runs with its default configuration, as a team would start with it: the default dispatcher is a
 * fork-join pool of at least 8 threads, and an actor handles up to 5 messages per turn. Oversell's default
 * actor system has 2 threads on this machine and drains the whole mailbox per turn. Each ask in Pekko spawns
 * a temporary reply actor and schedules its timeout; Oversell's completes a {@code CompletableFuture}.
 *
 * <p><b>What you should see:</b> the same shape as Oversell's runtime, and about the same numbers: the blocking
 * ask about three orders of magnitude below the CAS loop (30 to 70 k purchases per second on 2 cores, noisy),
 * the pipelined batch two to three times that (130 to 190 k). The two libraries land within a factor of 2 of
 * each other at every thread count, and neither is ahead in every run: one short run cannot rank them. Neither
 * gets past one actor's single-writer ceiling.
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main PekkoActorAskBenchmark -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class PekkoActorAskBenchmark {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final IterationCounter iterations = new IterationCounter();
    private ActorSystem<SpawnProtocol.Command> system;
    private ActorRef<PekkoInventoryActor.Command> inventory;
    private int iteration;

    @Setup(Level.Trial)
    public void startSystem() {
        system = ActorSystem.create(SpawnProtocol.create(), "oversell-bench");
    }

    @Setup(Level.Iteration)
    public void freshActor() {
        inventory = AskPattern.<SpawnProtocol.Command, ActorRef<PekkoInventoryActor.Command>>ask(system,
                        replyTo -> new SpawnProtocol.Spawn<>(PekkoInventoryActor.create(EndlessStock.stock()),
                                "inventory-" + iteration++, Props.empty(), replyTo),
                        ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture().join();
    }

    /**
     * Stops the actor; after the last iteration, starts terminating the actor system too, without waiting for
     * it: nothing is measured after it, and the fork's exit completes the shutdown (see {@link IterationCounter}).
     */
    @TearDown(Level.Iteration)
    public void stopActor(BenchmarkParams params) {
        AskPattern.ask(inventory, PekkoInventoryActor.Stop::new, ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture().join();
        if (iterations.finishedLast(params)) {
            system.terminate();
            system = null;
        }
    }

    /** Terminates the actor system if no iteration did (a failed run). */
    @TearDown(Level.Trial)
    public void stopSystem() {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
            system = null;
        }
    }

    @Benchmark
    public PurchaseResult pekkoBlockingAsk(Buyer buyer) {
        return ask(buyer.nextPurchase()).join();
    }

    @Benchmark
    @OperationsPerInvocation(AskBatch.SIZE)
    public int pekkoPipelinedAsks(Buyer buyer) {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: CompletableFuture<PurchaseResult>[]
        CompletableFuture<PurchaseResult>[] answers = new CompletableFuture[AskBatch.SIZE];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = ask(buyer.nextPurchase());
        }
        return AskBatch.unitsSold(answers);
    }

    private CompletableFuture<PurchaseResult> ask(PurchaseRequest purchase) {
        return AskPattern.<PekkoInventoryActor.Command, PurchaseResult>ask(inventory,
                replyTo -> new PekkoInventoryActor.Buy(purchase, replyTo), ASK_TIMEOUT, system.scheduler())
                .toCompletableFuture();
    }
}
