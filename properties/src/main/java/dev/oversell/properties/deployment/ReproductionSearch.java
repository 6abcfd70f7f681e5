package dev.oversell.properties.deployment;

import dev.oversell.judge.Finding;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Looks for the smallest oversell across instances: the fewest buyers, then the fewest units. Each
 * configuration is tried for a bounded number of rounds; in a round every buyer buys one unit once, all
 * released at the same moment, buyer {@code b} through instance {@code b % instances}. Each round is judged by
 * its accounts ({@link Finding#ofAccounts}: units that existed, units sold, the stock after); the first round
 * that sells more units than existed ({@code oversold}) is the reproduction. A round that only loses an update
 * is counted, not taken for an oversell.
 */
final class ReproductionSearch {

    /** Buyers and units, smallest first. */
    private static final int[][] CONFIGURATIONS = {{2, 1}, {3, 1}, {4, 1}, {4, 2}, {8, 2}, {8, 4}, {16, 4}};
    static final int ROUNDS = 15;
    private static final String SKU = "hot";

    private ReproductionSearch() {
    }

    /**
     * What the search saw: the smallest oversell (or none), the rounds it ran, and the worst finding of any
     * round (in the words of {@link Finding}).
     */
    record Result(Optional<Reproduction> smallest, int roundsRun, Finding worst) {
    }

    static Result smallest(List<Inventory> instances, Store store, String runId) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Finding worst = Finding.HELD;
        int roundsRun = 0;
        try {
            for (int[] configuration : CONFIGURATIONS) {
                int buyers = configuration[0];
                long units = configuration[1];
                for (int round = 1; round <= ROUNDS; round++) {
                    long sold = round(instances, store, threads, buyers, units, runId + "-" + buyers + "-" + units
                            + "-" + round);
                    roundsRun++;
                    Finding finding = Finding.ofAccounts(units, sold, instances.get(0).stock(SKU));
                    worst = Finding.worst(worst, finding);
                    if (finding == Finding.OVERSOLD) {
                        return new Result(Optional.of(new Reproduction(instances.size(), buyers, units, round, ROUNDS,
                                sold)), roundsRun, worst);
                    }
                }
            }
            return new Result(Optional.empty(), roundsRun, worst);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long round(List<Inventory> instances, Store store, ExecutorService threads, int buyers,
                              long units, String prefix) throws Exception {
        store.reset(Map.of(SKU, units));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> bought = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            Inventory instance = instances.get(b % instances.size());
            PurchaseRequest request = PurchaseRequest.of(prefix + "-b" + b, SKU, 1);
            bought.add(threads.submit(() -> {
                start.await();
                try {
                    return instance.buy(request).unitsSold();
                } catch (RuntimeException failed) {
                    return 0; // an error applies nothing (checked by the database suites)
                }
            }));
        }
        start.countDown();
        long sold = 0;
        for (Future<Integer> f : bought) {
            sold += f.get(30, TimeUnit.SECONDS);
        }
        return sold;
    }
}
