package dev.oversell.redis;

import dev.oversell.design.Claim;
import dev.oversell.design.Designs;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.properties.database.Engines;
import dev.oversell.redis.gate.RedisCommandCheck;
import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.lock.LockPauseCheck;
import dev.oversell.redis.queue.ConsumerKillCheck;
import dev.oversell.redis.queue.PublisherKillCheck;
import dev.oversell.redis.queue.RedisRestartCheck;
import dev.oversell.redis.queue.QueueDesign;
import dev.oversell.report.RunReport;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.Reproduce;
import dev.oversell.run.RunFolder;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Redis design a project declares ({@link RedisDesignProvider}) through the command-level gate, judged against
 * its claim by the one judge; a project extends it with one line ({@code class ShopRedisTest extends RedisSuite {}}),
 * as it extends the other suites. A design whose claim the gate contradicts fails with the execution's replayable
 * {@code redis-cli} script. The observations go to the run folder ({@code redis/observations.json}), where the report
 * shows each design in a Redis column of the database table beside the engines; an unreachable Redis is a loud skip,
 * and a failure under {@code CI=true}. {@code -Doversell.design=NAME} judges one design; {@code -Doversell.shard=k/n}
 * a share of them (a design is a unit).
 */
public abstract class RedisSuite {

    /** The family's folder in the run, and its name in a shard's units ({@code redis/<design>}). */
    public static final String SUITE = "redis";
    /** The store's key in the report's claims and columns. */
    public static final String STORE = "redis";

    private static final List<Observation> OBSERVED = Collections.synchronizedList(new ArrayList<>());
    private static final List<RedisDesign> JUDGED = Collections.synchronizedList(new ArrayList<>());
    /** The designs judged by a fault of their own (locks, queues), as the run records them. */
    private static final List<JudgedDesign> FAULTED = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    public Stream<DynamicTest> everyRedisDesignIsJudgedAgainstItsClaim() {
        String only = System.getProperty(Designs.ONLY, "").trim();
        List<RedisDesign> selected = declared(RedisDesignProvider::designs, RedisDesign::name).stream().filter(d -> only.isEmpty() || d.name().equals(only)).toList();
        return Shard.current().take(SUITE, selected, d -> Shard.unit(SUITE, d.name())).stream()
                .map(design -> DynamicTest.dynamicTest(TestNames.of(design.name(), "every Redis command interleaving"),
                        () -> judge(design)));
    }

    private void judge(RedisDesign design) {
        RedisServer.openOrSkip();
        long start = System.nanoTime();
        List<Observation> observed = RedisCommandCheck.observe(design,
                Reproduce.command(getClass(), Designs.ONLY + "=" + design.name()));
        System.out.printf("[redis] %s judged in %d ms%n", design.name(), (System.nanoTime() - start) / 1_000_000);
        OBSERVED.addAll(observed);
        JUDGED.add(design);
        RedisCommandCheck.judge(design, observed).ifPresent(why -> fail(why));
    }

    /**
     * Every lock design a project declares, on every engine: its holder paused between its read and its write past
     * its lease while another instance buys ({@link LockPauseCheck}). An unfenced lock must be caught overselling,
     * a fenced one must hold; an engine on which the pause never outlasted the lease is not checked.
     */
    @TestFactory
    public Stream<DynamicContainer> everyLockDesignIsJudgedWithItsHolderPaused() {
        return faultChecks(declared(RedisDesignProvider::lockDesigns, LockDesign::name), LockDesign::name, LockDesign::claim,
                Map.of("holder paused past its lease", LockPauseCheck::observe), "with 2 instances sharing the lock",
                LockPauseCheck::judge, d -> JudgedDesign.ofLocked(d.name(), d.type(), d.mechanism(), d.claim()));
    }

    /**
     * Every queue design a project declares, on every engine: its consumer killed after writing an order and before
     * acknowledging it, the order delivered again to the consumer started in its place ({@link ConsumerKillCheck}).
     * A consumer that writes every delivery must be caught overselling, an idempotent one must hold; an engine on
     * which no order was delivered again is not checked.
     */
    @TestFactory
    public Stream<DynamicContainer> everyQueueDesignIsJudgedWithItsConsumerKilled() {
        return faultChecks(declared(RedisDesignProvider::queueDesigns, QueueDesign::name), QueueDesign::name, QueueDesign::claim,
                Map.of("consumer killed before its ack", ConsumerKillCheck::observe,
                        "publisher killed before its publish", PublisherKillCheck::observe,
                        "Redis restarted, an order in flight", RedisRestartCheck::observe),
                "with its consumer, its front or Redis restarted",
                ConsumerKillCheck::judge, d -> JudgedDesign.ofFaulted(JudgedDesign.QUEUED, d.name(), d.type(),
                        d.mechanism(), d.claim()));
    }

    /** A fault check's observation of one design on one engine's database. */
    @FunctionalInterface
    private interface FaultCheck<D> {
        Observation observe(D design, Database database, String reproduce);
    }

    /**
     * For each design (of those {@code -Doversell.design} and the shard select): one test per engine that observes
     * it under the fault, then one that judges its claim over those observations.
     */
    private <D> Stream<DynamicContainer> faultChecks(List<D> designs, Function<D, String> name, Function<D, Claim> claim,
                                                     Map<String, FaultCheck<D>> faults, String deployment,
                                                     BiFunction<D, List<Observation>, Optional<String>> judge,
                                                     Function<D, JudgedDesign> recorded) {
        String only = System.getProperty(Designs.ONLY, "").trim();
        List<D> selected = designs.stream().filter(d -> only.isEmpty() || name.apply(d).equals(only)).toList();
        return Shard.current().take(SUITE, selected, d -> Shard.unit(SUITE, name.apply(d))).stream()
                .map(design -> DynamicContainer.dynamicContainer(name.apply(design) + " (claims " + claim.apply(design)
                        + " " + deployment + ")", Stream.concat(DatabaseSettings.requestedEngines().stream()
                        .flatMap(engine -> new java.util.TreeMap<>(faults).entrySet().stream().map(fault ->
                                DynamicTest.dynamicTest(TestNames.of(name.apply(design), engine.label(), fault.getKey()),
                                () -> observeOn(engine, name.apply(design), fault.getKey(),
                                        (database, reproduce) -> fault.getValue().observe(design, database, reproduce))))),
                        Stream.of(DynamicTest.dynamicTest(TestNames.of(name.apply(design), TestNames.JUDGED), () -> {
                            List<Observation> observed = BY_DESIGN.getOrDefault(name.apply(design), List.of());
                            if (observed.isEmpty()) {
                                Assumptions.abort(name.apply(design) + ": no engine was reached, nothing to judge");
                            }
                            FAULTED.add(recorded.apply(design));
                            judge.apply(design, observed).ifPresent(why -> fail(why));
                        })))));
    }

    private static final Map<String, List<Observation>> BY_DESIGN = new ConcurrentHashMap<>();

    private void observeOn(Engine engine, String design, String check,
                           BiFunction<Database, String, Observation> observe) {
        RedisServer.openOrSkip();
        Database database;
        try {
            database = Engines.open(engine);
        } catch (StoreException unreachable) {
            if (Engines.required()) {
                fail(engine.label() + " is required (CI=true) but unreachable: " + unreachable.getMessage());
            }
            Assumptions.abort(engine.label() + " SKIPPED, not reachable: " + unreachable.getMessage());
            return;
        }
        Observation observed = observe.apply(database, Reproduce.command(getClass(), Designs.ONLY + "=" + design));
        System.out.printf("[redis] %s on %s, %s: %s, %s; %s%n", design, engine.label(), check,
                observed.finding() == null ? "-" : observed.finding().word(), observed.coverage().words(), observed.note());
        OBSERVED.add(observed);
        BY_DESIGN.computeIfAbsent(design, n -> Collections.synchronizedList(new ArrayList<>())).add(observed);
    }

    /**
     * What the providers on the class path declare of one kind, in their order; a name declared twice is refused
     * (the run's evidence is keyed by name).
     */
    private static <D> List<D> declared(Function<RedisDesignProvider, List<D>> kind, Function<D, String> name) {
        List<D> designs = new ArrayList<>();
        for (RedisDesignProvider provider : ServiceLoader.load(RedisDesignProvider.class)) {
            for (D design : kind.apply(provider)) {
                if (designs.stream().anyMatch(d -> name.apply(d).equals(name.apply(design)))) {
                    throw new IllegalStateException("two Redis designs are named " + name.apply(design));
                }
                designs.add(design);
            }
        }
        return designs;
    }

    @AfterAll
    static void writeObservations() {
        List<Observation> observed;
        List<JudgedDesign> designs;
        synchronized (OBSERVED) {
            observed = List.copyOf(OBSERVED);
        }
        synchronized (JUDGED) {
            designs = new ArrayList<>(JUDGED.stream()
                    .map(d -> JudgedDesign.ofStore(d.name(), STORE, d.type(), d.mechanism(), d.claim())).toList());
        }
        synchronized (FAULTED) {
            designs.addAll(FAULTED);
        }
        if (designs.isEmpty()) {
            return; // Redis was not reached, or nothing was selected: nothing observed, nothing to write
        }
        Path file = Evidence.writeJson(SUITE, "observations.json", new Observations(RunFolder.id(), SUITE,
                Environment.ofThisJvm(), designs, observed, RunSettings.ofThisJvm(), Shard.taken(SUITE)));
        System.out.printf("[redis] %d designs, %d observations, written to %s%n", designs.size(), observed.size(), file);
        RunReport.refresh();
    }
}
