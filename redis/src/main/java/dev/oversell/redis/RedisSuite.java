package dev.oversell.redis;

import dev.oversell.design.Variants;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.properties.database.Engines;
import dev.oversell.redis.gate.RedisCommandCheck;
import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.lock.LockPauseCheck;
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
import dev.oversell.store.Engine;
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
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Redis design a project declares ({@link RedisDesignProvider}) through the command-level gate, judged against
 * its claim by the one judge; a project extends it with one line ({@code class ShopRedisTest extends RedisSuite {}}),
 * as it extends the other suites. A design whose claim the gate contradicts fails with the execution's replayable
 * {@code redis-cli} script. The observations go to the run folder ({@code redis/observations.json}), where the report
 * shows each design in a Redis column of the database table beside the engines; an unreachable Redis is a loud skip,
 * and a failure under {@code CI=true}. {@code -Doversell.variant=NAME} judges one design; {@code -Doversell.shard=k/n}
 * a share of them (a design is a unit).
 */
public abstract class RedisSuite {

    /** The family's folder in the run, and its name in a shard's units ({@code redis/<design>}). */
    public static final String SUITE = "redis";
    /** The store's key in the report's claims and columns. */
    public static final String STORE = "redis";

    private static final List<Observation> OBSERVED = Collections.synchronizedList(new ArrayList<>());
    private static final List<RedisDesign> JUDGED = Collections.synchronizedList(new ArrayList<>());
    private static final List<LockDesign> JUDGED_LOCKS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    public Stream<DynamicTest> everyRedisDesignIsJudgedAgainstItsClaim() {
        String only = System.getProperty(Variants.ONLY, "").trim();
        List<RedisDesign> selected = declared().stream().filter(d -> only.isEmpty() || d.name().equals(only)).toList();
        return Shard.current().take(SUITE, selected, d -> Shard.unit(SUITE, d.name())).stream()
                .map(design -> DynamicTest.dynamicTest(TestNames.of(design.name(), "every Redis command interleaving"),
                        () -> judge(design)));
    }

    private void judge(RedisDesign design) {
        RedisServer.openOrSkip();
        List<Observation> observed = RedisCommandCheck.observe(design,
                Reproduce.command(getClass(), Variants.ONLY + "=" + design.name()));
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
        String only = System.getProperty(Variants.ONLY, "").trim();
        List<LockDesign> selected = declaredLocks().stream().filter(d -> only.isEmpty() || d.name().equals(only)).toList();
        return Shard.current().take(SUITE, selected, d -> Shard.unit(SUITE, d.name())).stream()
                .map(design -> DynamicContainer.dynamicContainer(design.name() + " (claims " + design.claim()
                        + " with 2 instances sharing the lock)", Stream.concat(LockPauseCheck.engines().stream()
                        .map(engine -> DynamicTest.dynamicTest(TestNames.of(design.name(), engine.label(),
                                "holder paused past its lease"), () -> observeLock(design, engine))),
                        Stream.of(DynamicTest.dynamicTest(TestNames.of(design.name(), TestNames.JUDGED),
                                () -> judgeLock(design))))));
    }

    private static final java.util.Map<String, List<Observation>> LOCK_OBSERVATIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void observeLock(LockDesign design, Engine engine) {
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
        Observation observed = LockPauseCheck.observe(design, database,
                Reproduce.command(getClass(), Variants.ONLY + "=" + design.name()));
        System.out.printf("[redis] %s on %s, holder paused past its lease: %s, %s; %s%n", design.name(), engine.label(),
                observed.finding() == null ? "-" : observed.finding().word(), observed.coverage().words(), observed.note());
        OBSERVED.add(observed);
        LOCK_OBSERVATIONS.computeIfAbsent(design.name(), n -> Collections.synchronizedList(new ArrayList<>())).add(observed);
    }

    private void judgeLock(LockDesign design) {
        List<Observation> observed = LOCK_OBSERVATIONS.getOrDefault(design.name(), List.of());
        if (observed.isEmpty()) {
            Assumptions.abort(design.name() + ": no engine was reached, nothing to judge");
        }
        JUDGED_LOCKS.add(design);
        LockPauseCheck.judge(design, observed).ifPresent(why -> fail(why));
    }

    /** Every lock design the providers on the class path declare. */
    public static List<LockDesign> declaredLocks() {
        List<LockDesign> designs = new ArrayList<>();
        for (RedisDesignProvider provider : ServiceLoader.load(RedisDesignProvider.class)) {
            designs.addAll(provider.lockDesigns());
        }
        return designs;
    }

    /** Every design the providers on the class path declare, in their order; a name declared twice is refused. */
    public static List<RedisDesign> declared() {
        List<RedisDesign> designs = new ArrayList<>();
        for (RedisDesignProvider provider : ServiceLoader.load(RedisDesignProvider.class)) {
            for (RedisDesign design : provider.designs()) {
                if (designs.stream().anyMatch(d -> d.name().equals(design.name()))) {
                    throw new IllegalStateException("two Redis designs are named " + design.name());
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
        synchronized (JUDGED_LOCKS) {
            JUDGED_LOCKS.forEach(d -> designs.add(JudgedDesign.ofLocked(d.name(), d.type(), d.mechanism(), d.claim())));
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
