package dev.oversell.cluster;

import dev.oversell.design.Claim;
import dev.oversell.design.ClusterDesign;
import dev.oversell.design.Designs;
import dev.oversell.properties.database.Engines;
import dev.oversell.report.RunReport;
import dev.oversell.run.Shard;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * The cluster designs a catalogue declares ({@link Designs#clustered()}; here Oversell's: the sharded single owner
 * on a three-node Pekko cluster of separate processes, fenced and unfenced), on every engine they claim something
 * on ({@code -Doversell.engines} narrows; H2 is claimed n/a: three processes cannot share a private in-memory H2),
 * through every fault of a seeded {@link FaultSchedule}; each design's claim judged per engine, both ways, by the one
 * judge, from the observations written to the run folder ({@code cluster/observations.json}). The fenced design
 * must hold through every fault; the unfenced one claims it may oversell, and must be caught doing it (the fault at
 * the program point, {@code pause-owner-mid-purchase}, shows it on every run).
 *
 * <p>Replay a schedule with {@code -Doversell.cluster.seed=<seed>}, run some faults only, in the order given, with
 * {@code -Doversell.cluster.faults=pause-owner-mid-purchase} (say; the names are {@link Fault#product()}), and
 * several rounds (a fresh cluster each, seeds {@code seed}, {@code seed+1}, ...) with
 * {@code -Doversell.cluster.rounds=3} ({@code -Pthorough} runs 3). Spread over machines as shards of the run
 * ({@code -Doversell.shard=k/n}, {@link Shard}; not the cluster's own sharding of entities), a unit is one design on
 * one engine (a lane), and every shard of the run needs {@code -Doversell.cluster.seed}, the same on each, so that
 * all of them run one fault schedule.
 */
class ShardedOwnerFaultsTest {

    /**
     * The bound of one round (a cluster started, five faults, stopped: about 80 s on 2 busy cores); a round out of
     * time ends every node it started, then fails ({@link ShardedOwnerFaults.RoundOutOfTime}).
     */
    static final Duration ROUND_BOUND = Duration.ofSeconds(200);

    @Test
    void eachClusterDesignsClaimIsMeasuredThroughKillsHandOffsPausesAndTheCoordinatorsLoss() throws Exception {
        if (!Shard.current().whole() && Long.getLong("oversell.cluster.seed") == null) {
            fail("a shard of the run (-D" + Shard.SETTING + "=" + Shard.current() + ") runs the cluster's faults with"
                    + " the seed every shard is given: set -Doversell.cluster.seed=N, the same N on every shard, so"
                    + " that the report made from the shards' folders reads one fault schedule");
        }
        long seed = Long.getLong("oversell.cluster.seed", ThreadLocalRandom.current().nextLong(1, 1_000_000));
        int rounds = Integer.getInteger("oversell.cluster.rounds", 1);
        judgeEveryClusterDesign(seed, rounds);
    }

    private static void judgeEveryClusterDesign(long seed, int rounds) throws Exception {
        String faults = System.getProperty("oversell.cluster.faults", "");
        String reproduce = System.getProperty("oversell.reproduce.mvn", "mvn -pl cluster -am verify")
                + " -Dtest=ShardedOwnerFaultsTest -Dsurefire.failIfNoSpecifiedTests=false -Doversell.cluster.seed=" + seed
                + " -Doversell.cluster.faults=";

        List<ClusterDesign> declared = Designs.clustered();
        List<String> unknown = declared.stream().map(ClusterDesign::name)
                .filter(n -> ShardedOwnerDesign.named(n).isEmpty()).toList();
        List<String> undeclared = ShardedOwnerDesign.names().stream()
                .filter(n -> declared.stream().noneMatch(d -> d.name().equals(n))).toList();
        if (!unknown.isEmpty() || !undeclared.isEmpty()) {
            fail("every cluster design a catalogue declares must be one this check runs, and every design it runs must"
                    + " be declared: declared but measured by no check " + unknown + "; run but declared nowhere "
                    + undeclared);
        }
        ClusterVerdicts verdicts = new ClusterVerdicts(declared);
        List<String> units = DatabaseSettings.requestedEngines().stream().flatMap(engine -> declared.stream()
                .map(d -> ClusterVerdicts.unit(d, engine))).toList();
        if (Shard.current().take(ClusterVerdicts.FAMILY, units, unit -> unit).isEmpty()) {
            return; // said: nothing to do in this shard of the run
        }

        Map<Engine, Database> databases = new EnumMap<>(Engine.class);
        Map<Engine, String> versions = new EnumMap<>(Engine.class);
        List<String> broken = new ArrayList<>();
        try {
            for (Engine engine : DatabaseSettings.requestedEngines()) {
                List<ClusterDesign> inShard = declared.stream().filter(d -> ClusterVerdicts.inThisShard(d, engine)).toList();
                List<ClusterDesign> claiming = inShard.stream().filter(d -> d.claim(engine) != Claim.NOT_APPLICABLE).toList();
                inShard.stream().filter(d -> d.claim(engine) == Claim.NOT_APPLICABLE)
                        .forEach(d -> verdicts.notApplicable(d, engine, d.notApplicable().get(engine)));
                if (claiming.isEmpty() || !clusterEngines().contains(engine)) {
                    continue;
                }
                try {
                    Database database = Engines.open(engine);
                    databases.put(engine, database);
                    versions.put(engine, database.versionAndSettings());
                } catch (StoreException unreachable) {
                    if (Engines.required()) {
                        fail(engine.label() + " is required (CI=true) but unreachable: " + unreachable.getMessage());
                    }
                    System.out.println("[cluster] " + engine.label() + " SKIPPED, not reachable");
                    claiming.forEach(d -> verdicts.unreachable(d, engine, "not reachable: " + unreachable.getMessage()));
                }
            }
            Assumptions.assumeFalse(databases.isEmpty(), "no engine reachable for the cluster check");

            boolean staleWriteTried = false;
            for (int round = 1; round <= rounds; round++) {
                long roundSeed = seed + round - 1;
                FaultSchedule schedule = faults.isBlank() ? FaultSchedule.of(roundSeed) : FaultSchedule.of(roundSeed,
                        Arrays.stream(faults.split(",")).map(String::trim).map(FaultSchedule::named).toList());
                String roundReproduce = reproduce.replace("-Doversell.cluster.seed=" + seed,
                        "-Doversell.cluster.seed=" + roundSeed);
                String faultNames = schedule.faults().stream().map(Fault::product).collect(Collectors.joining(","));
                System.out.println("[cluster] round " + round + " of " + rounds + ", schedule " + schedule);
                System.out.println("[cluster] reproduce: " + roundReproduce + faultNames);
                staleWriteTried |= schedule.faults().contains(Fault.PAUSE_OWNER_MID_PURCHASE);
                ShardedOwnerFaults.Run run = runRound(declared, databases, schedule, lane -> true);
                int lanesInShard = (int) databases.keySet().stream().mapToLong(engine -> declared.stream()
                        .filter(d -> d.claim(engine) != Claim.NOT_APPLICABLE && ClusterVerdicts.inThisShard(d, engine)).count()).sum();
                System.out.println("[cluster] seed " + roundSeed + ", " + run.took().toMillis() + " ms, per fault and lane:");
                run.outcomes().forEach(o -> System.out.println("[cluster]   " + o.line()));
                run.notes().forEach(n -> System.out.println("[cluster] note: " + n));
                broken.addAll(powerless(run, lanesInShard, roundSeed, roundReproduce + faultNames));
                StallRetries.measure(run, round, roundSeed, (again, lanes) -> {
                    String againReproduce = reproduce.replace("-Doversell.cluster.seed=" + seed,
                            "-Doversell.cluster.seed=" + again.seed()) + Fault.PAUSE_OWNER_MID_PURCHASE.product();
                    System.out.println("[cluster] the stall did not strike in " + lanes + ": tried again, schedule "
                            + again + "; reproduce: " + againReproduce);
                    ShardedOwnerFaults.Run retried = runRound(declared, databases, again, lanes::contains);
                    retried.outcomes().forEach(o -> System.out.println("[cluster]   " + o.line()));
                    broken.addAll(powerless(retried, lanes.size(), again.seed(), againReproduce));
                    return retried;
                }, verdicts, versions, s -> reproduce.replace("-Doversell.cluster.seed=" + seed,
                        "-Doversell.cluster.seed=" + s));
            }
            if (!staleWriteTried) {
                verdicts.staleWriteNotTried(databases.keySet(), reproduce.replace("-Doversell.cluster.faults=", "")
                        .trim());
            }
        } finally {
            verdicts.write();
            RunReport.refresh();
            Engines.closeAll();
        }
        verdicts.observations().stream().filter(o -> o.checked() && o.finding().anomaly())
                .forEach(o -> System.out.println("[cluster] caught: " + o.design() + " on " + o.engine() + ", "
                        + o.cell() + ": " + o.finding().word() + "\n" + o.example() + "\n  reproduce: " + o.reproduce()));
        broken.addAll(verdicts.disagreements());
        if (!broken.isEmpty()) {
            fail("seed " + seed + ":\n  " + String.join("\n  ", broken));
        }
    }

    /** One round: a fresh store per design and engine (lanes named {@code only}), a fresh cluster, the schedule's faults. */
    private static ShardedOwnerFaults.Run runRound(List<ClusterDesign> designs, Map<Engine, Database> databases,
                                                   FaultSchedule schedule, Predicate<String> only) throws Exception {
        Map<Lane, Store> lanes = new LinkedHashMap<>();
        Map<String, Long> stock = Arrays.stream(Fault.values())
                .collect(Collectors.toMap(Fault::product, f -> schedule.stock()));
        try {
            databases.forEach((engine, database) -> {
                for (ClusterDesign design : designs) {
                    if (design.claim(engine) == Claim.NOT_APPLICABLE || !ClusterVerdicts.inThisShard(design, engine)) {
                        continue;
                    }
                    ShardedOwnerDesign implementation = ShardedOwnerDesign.named(design.name()).orElseThrow();
                    if (!only.test(Lane.nameOf(implementation, engine))) {
                        continue;
                    }
                    Store store = Store.create(database, stock);
                    lanes.put(new Lane(Lane.nameOf(implementation, engine), engine, store.id(),
                            implementation.fenced()), store);
                }
            });
            return ShardedOwnerFaults.run(lanes, schedule,
                    Path.of("target", "cluster-nodes", String.valueOf(schedule.seed())), System.out, ROUND_BOUND);
        } finally {
            lanes.values().forEach(Store::close);
        }
    }


    /**
     * What makes a run prove nothing: a lane missing, a phase that sold nothing, a fault that did not move the entity,
     * a fenced lane where no second incarnation claimed the product. Each is a failure, never a "held". (A lane whose
     * stall did not strike is {@link StallRetries}'s: tried again, else not checked.)
     */
    private static List<String> powerless(ShardedOwnerFaults.Run run, int lanes, long seed, String reproduce) {
        List<String> broken = new ArrayList<>();
        if (run.outcomes().size() != lanes * run.schedule().faults().size()) {
            broken.add("expected " + lanes * run.schedule().faults().size() + " outcomes, got " + run.outcomes().size());
        }
        List<FaultOutcome> retried = StallRetries.notStruck(run); // tested nothing: tried again, or not checked
        for (FaultOutcome o : run.outcomes()) {
            if (retried.contains(o)) {
                continue;
            }
            if (o.purchased() == 0) {
                broken.add("nothing was sold: " + o.line());
            }
            if (o.fault() != Fault.KILL_COORDINATOR && o.answeredBy().size() < 2) {
                broken.add("the fault did not move the entity (one node answered): " + o.line());
            }
            if (o.lane().fenced() && o.fault() != Fault.KILL_COORDINATOR && o.tokens().size() < 2) {
                broken.add("no second incarnation claimed the product: " + o.line());
            }
        }
        if (!broken.isEmpty()) {
            broken.add("(seed " + seed + "; reproduce: " + reproduce + ")");
        }
        return broken;
    }

    /** {@code -Doversell.cluster.engines} narrows the cluster check further (default: every engine). */
    private static List<Engine> clusterEngines() {
        Optional<String> only = Optional.ofNullable(DatabaseSettings.setting("oversell.cluster.engines", null));
        return only.map(s -> Arrays.stream(s.split(",")).map(Engine::ofKey)
                .toList()).orElse(List.of(Engine.values()));
    }
}
