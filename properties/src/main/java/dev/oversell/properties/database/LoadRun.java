package dev.oversell.properties.database;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.judge.Finding;
import dev.oversell.model.AnswerTimeoutException;
import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.Store;
import dev.oversell.store.DatabaseDesigns;

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
 * A seeded flash sale of two products ({@link #PRODUCTS}: 11 and 7 units): {@value #BUYERS} buyer threads
 * released at once, each making {@value #PURCHASES_PER_BUYER} purchases of 1 to 3 units of either product, and
 * one restocker adding 1 to 3 units of each product twice, through one instance of the design (or several: the
 * deployment checks). A design that takes orders ({@link OrderInventory}) is sent orders too: every second call of
 * a buyer is an order of both products, 1 to 2 units each, its lines in a drawn order (so that two orders may take
 * the products in opposite orders), and its lines count as sold when it is placed. Then the invariants, per product: never sold more than existed, never negative, stock +
 * sold = initial + restocked (what they show is the product's {@link Finding}; the run's is the worst), and every request answered exactly once (the purchases table
 * holds one row per answer, none for a request that failed). A purchase whose answer timed out has an unknown
 * outcome, not a failed one: it is resubmitted with the same id once the sale is over, and that answer counts. Bounded: the run is abandoned, and fails, after
 * {@value #BOUND_SECONDS} s. Every random choice comes from the printed seed.
 */
public final class LoadRun {

    static final int BUYERS = 8;
    static final int PURCHASES_PER_BUYER = 5;
    /** The products on sale and their initial stock (neither a multiple of the 2 or 3 units a buyer may ask for). */
    static final Map<String, Long> PRODUCTS = orderedStock("hot", 11L, "warm", 7L);
    static final long INITIAL_STOCK = PRODUCTS.values().stream().mapToLong(Long::longValue).sum();
    static final long BOUND_SECONDS = 60;
    /** How often a restock the engine refused is sent again before the run fails. */
    static final int RESTOCK_ATTEMPTS = 20;

    private static Map<String, Long> orderedStock(String a, long unitsA, String b, long unitsB) {
        Map<String, Long> stock = new java.util.LinkedHashMap<>();
        stock.put(a, unitsA);
        stock.put(b, unitsB);
        return java.util.Collections.unmodifiableMap(stock);
    }

    private LoadRun() {
    }

    public static LoadOutcome run(DatabaseDesign variant, Store store, long seed) throws Exception {
        try (Inventory inventory = DatabaseDesigns.attach(variant, store)) {
            return run(List.of(inventory), store, seed, variant.restocks());
        }
    }

    /**
     * The same workload spread over several instances sharing {@code store} (several app servers): buyer
     * {@code b} goes through instance {@code b % instances}, the restocker through the first; for a design declared
     * without restock ({@code restocks} false) there is no restocker, and a restock that throws on one that
     * restocks fails the run.
     */
    public static LoadOutcome run(List<Inventory> instances, Store store, long seed, boolean restocks)
            throws Exception {
        store.reset(PRODUCTS);
        List<String> products = List.copyOf(PRODUCTS.keySet());
        Map<String, PurchaseResult> answers = new ConcurrentHashMap<>();
        Map<String, PurchaseRequest> failed = new ConcurrentHashMap<>();
        Map<String, Map.Entry<PurchaseRequest, Inventory>> unknownOutcome = new ConcurrentHashMap<>();
        boolean takesOrders = instances.stream().allMatch(OrderInventory.class::isInstance);
        Map<String, OrderResult> placed = new ConcurrentHashMap<>();
        Map<String, Order> failedOrders = new ConcurrentHashMap<>();
        Map<String, Map.Entry<Order, OrderInventory>> unknownOrders = new ConcurrentHashMap<>();
        Map<String, AtomicLong> restocked = new java.util.LinkedHashMap<>();
        products.forEach(product -> restocked.put(product, new AtomicLong()));
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
                        if (takesOrders && k % 2 == 1) {
                            Order order = drawnOrder("load-" + buyer + "-" + k, products, random);
                            try {
                                placed.put(order.requestId(), ((OrderInventory) inventory).place(order));
                            } catch (AnswerTimeoutException unknown) {
                                unknownOrders.put(order.requestId(), Map.entry(order, (OrderInventory) inventory));
                            } catch (RuntimeException e) {
                                failedOrders.put(order.requestId(), order);
                            }
                            continue;
                        }
                        PurchaseRequest request = PurchaseRequest.of("load-" + buyer + "-" + k,
                                products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
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
                for (int r = 0; r < 2 && restocks; r++) {
                    for (String product : products) {
                        long units = 1 + restockRandom.nextInt(3);
                        restockUntilApplied(first, product, units);
                        restocked.get(product).addAndGet(units);
                    }
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
            unknownOrders.forEach((id, call) -> placed.put(id, call.getValue().place(call.getKey())));
            Map<String, LoadOutcome.Account> accounts = new java.util.LinkedHashMap<>();
            for (String product : products) {
                long sold = answers.values().stream().filter(a -> a.product().equals(product))
                        .mapToLong(PurchaseResult::unitsSold).sum()
                        + placed.values().stream().mapToLong(order -> order.unitsSold(product)).sum();
                long existed = PRODUCTS.get(product) + restocked.get(product).get();
                long stockNow = first.stock(product);
                accounts.put(product, new LoadOutcome.Account(PRODUCTS.get(product), restocked.get(product).get(), sold,
                        stockNow, Finding.ofAccounts(existed, sold, stockNow).word()));
            }
            Orders orders = new Orders(placed, failedOrders);
            return judge(store, seed, answers, failed, orders, accounts,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A restock, sent again while the engine refuses it (a deadlock it broke, a serialization failure: SQLState
     * class 40, which changes nothing): with orders locking two rows, PostgreSQL can choose even a one-row restock
     * waiting behind them as a deadlock's victim, and, sent again at once, in the next cycle the same orders make
     * (a clean-clone run saw five refusals in a row on the deadlocking design). Each attempt after a refusal waits
     * a millisecond more than the one before, so that the orders it met have moved on. Any other failure, or a
     * refusal {@value #RESTOCK_ATTEMPTS} times, fails the run.
     */
    private static void restockUntilApplied(Inventory inventory, String product, long units)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                inventory.restock(product, units);
                return;
            } catch (RuntimeException refused) {
                if (attempt == RESTOCK_ATTEMPTS || !refusedByTheEngine(refused)) {
                    throw refused;
                }
            }
            Thread.sleep(attempt);
        }
    }

    private static boolean refusedByTheEngine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** An order of both products, 1 to 2 units each, its lines in a drawn order. */
    private static Order drawnOrder(String requestId, List<String> products, Random random) {
        List<Order.Line> lines = new ArrayList<>();
        for (String product : products) {
            lines.add(Order.line(product, 1 + random.nextInt(2)));
        }
        java.util.Collections.shuffle(lines, random);
        return new Order(requestId, lines);
    }

    /** The orders' answers, and the orders that failed (none for a design that takes no orders). */
    private record Orders(Map<String, OrderResult> answered, Map<String, Order> failed) {

        long placed() {
            return answered.values().stream().filter(OrderResult.Placed.class::isInstance).count();
        }
    }

    private static LoadOutcome judge(Store store, long seed, Map<String, PurchaseResult> answers,
                                     Map<String, PurchaseRequest> failed, Orders orders,
                                     Map<String, LoadOutcome.Account> accounts, long millis) throws SQLException {
        List<String> broken = new ArrayList<>();
        Finding finding = Finding.HELD;
        for (var entry : accounts.entrySet()) {
            String product = entry.getKey();
            LoadOutcome.Account a = entry.getValue();
            long available = a.initialStock() + a.restocked();
            if (a.unitsSold() > available) {
                broken.add("never sell more than existed: " + a.unitsSold() + " units of " + product + " sold, "
                        + available + " ever existed");
            }
            if (a.finalStock() < 0) {
                broken.add("never negative: the stock of " + product + " is " + a.finalStock());
            }
            if (a.finalStock() + a.unitsSold() != available) {
                broken.add("conservation: " + product + " stock " + a.finalStock() + " + sold " + a.unitsSold()
                        + " != initial " + a.initialStock() + " + restocked " + a.restocked());
            }
            finding = Finding.worst(finding, Finding.ofWord(a.finding()));
        }
        if (store.ownTables().isPresent()) {
            // a design with its own tables keeps no record of its answers that Oversell could read
            return outcome(seed, answers, failed, orders, accounts, millis, broken, finding);
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
        return outcome(seed, answers, failed, orders, accounts, millis, broken, finding);
    }

    private static LoadOutcome outcome(long seed, Map<String, PurchaseResult> answers,
                                       Map<String, PurchaseRequest> failed, Orders orders,
                                       Map<String, LoadOutcome.Account> accounts, long millis, List<String> broken,
                                       Finding finding) {
        int answered = answers.size() + orders.answered().size();
        int errors = failed.size() + orders.failed().size();
        int purchased = (int) (answers.values().stream().filter(a -> a.unitsSold() > 0).count() + orders.placed());
        long sold = accounts.values().stream().mapToLong(LoadOutcome.Account::unitsSold).sum();
        long restocked = accounts.values().stream().mapToLong(LoadOutcome.Account::restocked).sum();
        long finalStock = accounts.values().stream().mapToLong(LoadOutcome.Account::finalStock).sum();
        long oversoldUnits = accounts.values().stream()
                .mapToLong(a -> Math.max(0, a.unitsSold() - a.initialStock() - a.restocked())).sum();
        return new LoadOutcome(seed, BUYERS, answered + errors, purchased, answered - purchased,
                errors, INITIAL_STOCK, restocked, sold, finalStock, oversoldUnits, broken, millis,
                finding.word(), accounts);
    }
}
