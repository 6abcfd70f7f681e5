package dev.oversell.cluster;

import dev.oversell.properties.database.Engines;
import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.store.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sharded single owner on a three-node Pekko cluster of separate processes, fenced and unfenced, on each engine
 * ({@code -Doversell.cluster.engines}, default {@code postgresql,mariadb}; H2 is not a column: the nodes would need
 * one H2 server between them), through every fault of a seeded {@link FaultSchedule}. The fenced variant must hold
 * through every fault; the unfenced one is measured and reported, not asserted: what it does is the engine's and
 * the cluster's to show. Replay a schedule with {@code -Doversell.cluster.seed=<seed>}, and run some faults only,
 * in the order given, with {@code -Doversell.cluster.faults=pause-owner} (say; the names are {@link Fault#product()}).
 */
class ShardedOwnerFaultsTest {

    @Test
    @Timeout(170)
    void theFencedOwnerNeverOversellsThroughKillsHandOffsPausesAndTheCoordinatorsLoss() throws Exception {
        long seed = Long.getLong("oversell.cluster.seed", ThreadLocalRandom.current().nextLong(1, 1_000_000));
        String faults = System.getProperty("oversell.cluster.faults", "");
        FaultSchedule schedule = faults.isBlank() ? FaultSchedule.of(seed) : FaultSchedule.of(seed,
                Arrays.stream(faults.split(",")).map(String::trim).map(FaultSchedule::named).toList());
        String reproduce = System.getProperty("oversell.reproduce.mvn", "mvn -pl cluster -am verify")
                + " -Dtest=ShardedOwnerFaultsTest -Dsurefire.failIfNoSpecifiedTests=false -Doversell.cluster.seed=" + seed
                + " -Doversell.cluster.faults=";
        String faultNames = schedule.faults().stream().map(Fault::product).collect(Collectors.joining(","));
        System.out.println("[cluster] schedule " + schedule);
        System.out.println("[cluster] reproduce: " + reproduce + faultNames);

        Map<Lane, Store> lanes = new LinkedHashMap<>();
        Map<String, Long> stock = Arrays.stream(Fault.values())
                .collect(Collectors.toMap(Fault::product, f -> schedule.stock()));
        try {
            for (Engine engine : engines()) {
                Database database;
                try {
                    database = Engines.open(engine);
                } catch (StoreException unreachable) {
                    if (Engines.required()) {
                        fail(engine.label() + " is required (CI=true) but unreachable: " + unreachable.getMessage());
                    }
                    System.out.println("[cluster] " + engine.label() + " SKIPPED, not reachable");
                    continue;
                }
                for (boolean fenced : new boolean[] {true, false}) {
                    Store store = Store.create(database, stock);
                    lanes.put(new Lane(Lane.nameOf(fenced, engine), engine, store.id(), fenced), store);
                }
            }
            org.junit.jupiter.api.Assumptions.assumeFalse(lanes.isEmpty(), "no engine reachable for the cluster check");

            ShardedOwnerFaults.Run run = ShardedOwnerFaults.run(lanes, schedule,
                    Path.of("target", "cluster-nodes", String.valueOf(seed)), System.out);

            System.out.println("[cluster] seed " + seed + ", " + run.took().toMillis() + " ms, per fault and lane:");
            run.outcomes().forEach(o -> System.out.println("[cluster]   " + o.line()));
            run.notes().forEach(n -> System.out.println("[cluster] note: " + n));
            List<FaultOutcome> unfencedAnomalies = run.outcomes().stream()
                    .filter(o -> !o.lane().fenced() && !o.held()).toList();
            System.out.println("[cluster] unfenced: " + (unfencedAnomalies.isEmpty()
                    ? "held through every fault in this run (never oversold)"
                    : unfencedAnomalies.stream().map(o -> o.fault().product() + " on " + o.lane().engine().label()
                    + ": " + o.finding().word() + ", " + o.oversoldUnits() + " units oversold (that fault alone: "
                    + reproduce + o.fault().product() + ")").collect(Collectors.joining("; "))));

            assertThat(run.outcomes()).hasSize(lanes.size() * schedule.faults().size());
            List<String> broken = new ArrayList<>();
            for (FaultOutcome o : run.outcomes()) {
                if (o.lane().fenced() && !o.held()) {
                    broken.add(o.line());
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
                fail("seed " + seed + ":\n  " + String.join("\n  ", broken) + "\nreproduce: " + reproduce + faultNames);
            }
        } finally {
            lanes.values().forEach(Store::close);
        }
    }

    private static List<Engine> engines() {
        List<Engine> requested = DatabaseSettings.requestedEngines();
        return Arrays.stream(DatabaseSettings.setting("oversell.cluster.engines", "postgresql,mariadb").split(","))
                .map(s -> Engine.valueOf(s.trim().toUpperCase(Locale.ROOT))).filter(requested::contains)
                .map(Function.identity()).toList();
    }
}
