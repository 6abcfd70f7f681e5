package dev.oversell.properties.database;

import dev.oversell.catalogue.Variant;
import dev.oversell.judge.Finding;
import dev.oversell.model.AnswerTimeoutException;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.Store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded flash sale against one hot product: {@value #BUYERS} buyer threads released at once, each making
 * {@value #PURCHASES_PER_BUYER} purchases of 1 or 2 units, and one restocker adding units twice, through one
 * instance of the variant (or several: the deployment checks). Then the invariants: never sold more than existed, never
 * negative, stock + sold = initial + restocked, and every request answered exactly once (the purchases table
 * holds one row per answer, none for a request that failed). A purchase whose answer timed out has an unknown
 * outcome, not a failed one: it is resubmitted with the same id once the sale is over, and that answer counts. Bounded: the run is abandoned, and fails, after
 * {@value #BOUND_SECONDS} s. Every random choice comes from the printed seed.
 */
public final class LoadRun {

    static final int BUYERS = 8;
    static final int PURCHASES_PER_BUYER = 5;
    static final long INITIAL_STOCK = 10;
    static final long BOUND_SECONDS = 60;
    private static final String SKU = "hot";

    private LoadRun() {
    }

    public static LoadOutcome run(Variant variant, Store store, long seed) throws Exception {
        try (Inventory inventory = variant.attach(store)) {
            return run(List.of(inventory), store, seed);
        }
    }

    /**
     * The same workload spread over several instances sharing {@code store} (several app servers): buyer
     * {@code b} goes through instance {@code b % instances}, the restocker through the first.
     */
    public static LoadOutcome run(List<Inventory> instances, Store store, long seed) throws Exception {
        store.reset(Map.of(SKU, INITIAL_STOCK));
        Map<String, PurchaseResult> answers = new ConcurrentHashMap<>();
        Map<String, PurchaseRequest> failed = new ConcurrentHashMap<>();
        Map<String, Map.Entry<PurchaseRequest, Inventory>> unknownOutcome = new ConcurrentHashMap<>();
        AtomicLong restocked = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(BUYERS + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int b = 0; b < BUYERS; b++) {
                Random random = new Random(seed * 31 + b);
                int buyer = b;
                Inventory inventory = instances.get(b % instances.size());
                work.add(threads.submit(() -> {
                    start.await();
                    for (int k = 0; k < PURCHASES_PER_BUYER; k++) {
                        PurchaseRequest request = PurchaseRequest.of("load-" + buyer + "-" + k, SKU,
                                1 + random.nextInt(2));
                        try {
                            answers.put(request.requestId(), inventory.buy(request));
                        } catch (AnswerTimeoutException unknown) {
                            unknownOutcome.put(request.requestId(), Map.entry(request, inventory));
                        } catch (RuntimeException e) {
                            failed.put(request.requestId(), request);
                        }
                    }
                    return null;
                }));
            }
            Random restockRandom = new Random(seed);
            Inventory first = instances.get(0);
            work.add(threads.submit(() -> {
                start.await();
                for (int r = 0; r < 2; r++) {
                    long units = 1 + restockRandom.nextInt(3);
                    first.restock(SKU, units);
                    restocked.addAndGet(units);
                }
                return null;
            }));
            start.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            for (Future<?> f : work) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            // a timed-out answer is an unknown outcome, not a failure: resubmitting the same id tells it (the contract)
            unknownOutcome.forEach((id, call) -> answers.put(id, call.getValue().buy(call.getKey())));
            long finalStock = first.stock(SKU);
            return judge(store, seed, answers, failed, restocked.get(), finalStock,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            threads.shutdownNow();
        }
    }

    private static LoadOutcome judge(Store store, long seed, Map<String, PurchaseResult> answers,
                                     Map<String, PurchaseRequest> failed, long restocked, long finalStock,
                                     long millis) throws SQLException {
        long sold = answers.values().stream().mapToLong(PurchaseResult::unitsSold).sum();
        int purchased = (int) answers.values().stream().filter(a -> a.unitsSold() > 0).count();
        long available = INITIAL_STOCK + restocked;
        List<String> broken = new ArrayList<>();
        if (sold > available) {
            broken.add("never sell more than existed: " + sold + " units sold, " + available + " ever existed");
        }
        if (finalStock < 0) {
            broken.add("never negative: the stock is " + finalStock);
        }
        if (finalStock + sold != available) {
            broken.add("conservation: stock " + finalStock + " + sold " + sold + " != initial " + INITIAL_STOCK
                    + " + restocked " + restocked);
        }
        Map<String, long[]> rows = new HashMap<>();
        try (Connection c = store.database().connection();
             PreparedStatement s = c.prepareStatement("SELECT request_id, quantity, purchased FROM "
                     + store.purchasesTable()); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}) != null) {
                    broken.add("exactly once: request " + rs.getString(1) + " recorded twice");
                }
            }
        }
        answers.forEach((id, answer) -> {
            long[] row = rows.remove(id);
            if (row == null || row[1] != (answer.unitsSold() > 0 ? 1 : 0)) {
                broken.add("exactly once: answer " + answer + " does not match the record " + (row == null
                        ? "(none)" : "purchased=" + row[1]));
            }
        });
        failed.keySet().forEach(id -> {
            if (rows.remove(id) != null) {
                broken.add("exactly once: request " + id + " failed but was applied");
            }
        });
        if (!rows.isEmpty()) {
            broken.add("exactly once: records for requests nobody was answered: " + rows.keySet());
        }
        return new LoadOutcome(seed, BUYERS, answers.size() + failed.size(), purchased, answers.size() - purchased,
                failed.size(), INITIAL_STOCK, restocked, sold, finalStock, Math.max(0, sold - available),
                broken, millis, Finding.ofAccounts(available, sold, finalStock).word());
    }
}
