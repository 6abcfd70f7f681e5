package dev.oversell.properties.database;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.Engine;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.PurchaseSteps;
import dev.oversell.store.Step;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionalInventory;
import dev.oversell.store.Transcript;
import dev.oversell.store.Tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The step gate: runs two purchases of the last unit (stock 1, T1 and T2 each buy 1; each its own design's
 * steps, per the {@link SchedulePlan}, usually the same design twice) on two connections, one
 * step at a time in the order a schedule gives. Each transaction's steps run on its own thread; after handing
 * a step over, the gate waits until the step has finished or the engine reports the session waiting for a
 * lock (asked on a third connection: {@link Engine#isWaitingForLock}), never for a fixed time. A blocked
 * transaction's later steps wait their turn behind it while the other transaction goes on, exactly as a person
 * running a Hermitage test in two terminals would do. Every lock wait is bounded by the engine's lock timeout.
 *
 * <p>A transaction the engine aborts is rolled back; if the failure is one a retry may cure it is retried as a
 * new transaction once the schedule is over (what the variant itself does), and the final answers decide.
 */
public final class ScheduleRunner implements AutoCloseable {

    public static final String SKU = "sku";
    static final int LOCK_TIMEOUT_MILLIS = 3_000;
    private static final long STEP_BOUND_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Store store;
    private final SchedulePlan plan;
    private final List<List<Step>> steps;
    private final ExecutorService[] threads = new ExecutorService[2];
    private long lastProbeNanos;

    public ScheduleRunner(Store store, PurchaseScript script) {
        this(store, SchedulePlan.symmetric(script));
    }

    public ScheduleRunner(Store store, SchedulePlan plan) {
        this.store = store;
        this.plan = plan;
        this.steps = List.of(PurchaseSteps.of(plan.first()), PurchaseSteps.of(plan.second()));
        for (int i = 0; i < 2; i++) {
            String name = "T" + (i + 1);
            threads[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "oversell-schedule-" + name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Every interleaving of the two purchases' steps. */
    public List<List<Integer>> schedules() {
        return Interleavings.of(steps.get(0).size(), steps.get(1).size());
    }

    /** The schedule's name: each step's initial and its transaction, e.g. {@code b1 r1 b2 r2 w1 w2 c1 c2}. */
    public String name(List<Integer> schedule) {
        return name(steps.get(0), steps.get(1), schedule);
    }

    static String name(List<Step> first, List<Step> second, List<Integer> schedule) {
        StringBuilder out = new StringBuilder();
        int[] next = new int[2];
        for (int who : schedule) {
            Step step = (who == 1 ? first : second).get(next[who - 1]++);
            out.append(out.length() == 0 ? "" : " ").append(step.name().charAt(0)).append(who);
        }
        return out.toString();
    }

    /** One party of a schedule: a transaction, its connection, its thread and the steps it still owes. */
    private final class Party {
        final int index;
        final String name;
        final PurchaseRequest request;
        final Deque<Step> backlog = new ArrayDeque<>();
        Connection connection;
        long sessionId;
        Tx tx;
        Future<?> inFlight;
        Step inFlightStep;
        boolean blocked;
        boolean everBlocked;
        Engine.Failure failure;
        int nextStep;

        Party(int index) {
            this.index = index;
            this.name = "T" + (index + 1);
            this.request = PurchaseRequest.of(name, SKU, 1);
        }

        boolean hasWork() {
            return inFlight != null || (failure == null && !backlog.isEmpty());
        }
    }

    public ScheduleOutcome run(List<Integer> schedule) throws SQLException, InterruptedException {
        store.reset(Map.of(SKU, 1L));
        plan.setUp().accept(store);
        Engine engine = store.engine();
        Transcript transcript = new Transcript();
        Party[] parties = {new Party(0), new Party(1)};
        List<String> failures = new ArrayList<>();
        try (Connection monitor = store.database().connection()) {
            for (Party p : parties) {
                p.connection = store.database().connection();
                engine.setLockTimeout(p.connection, LOCK_TIMEOUT_MILLIS);
                p.sessionId = engine.sessionId(p.connection);
                p.tx = new Tx(p.connection, store, p.request, p.name, transcript);
            }
            for (int who : schedule) {
                Party p = parties[who - 1];
                p.backlog.add(steps.get(p.index).get(p.nextStep++));
                progress(parties, monitor, transcript, failures);
            }
            long deadline = System.nanoTime() + STEP_BOUND_NANOS;
            while (parties[0].hasWork() || parties[1].hasWork()) {
                progress(parties, monitor, transcript, failures);
                for (Party p : parties) {
                    if (p.inFlight != null) {
                        waitBriefly(p.inFlight);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("schedule " + name(schedule) + " did not finish within "
                            + TimeUnit.NANOSECONDS.toSeconds(STEP_BOUND_NANOS) + " s; transcript so far:\n"
                            + transcript.render());
                }
            }
        } finally {
            for (Party p : parties) {
                if (p.connection != null) {
                    closeOnItsThread(p);
                }
            }
        }
        return judge(schedule, parties, transcript, failures);
    }

    private void progress(Party[] parties, Connection monitor, Transcript transcript, List<String> failures)
            throws SQLException, InterruptedException {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Party p : parties) {
                if (p.inFlight != null && p.inFlight.isDone()) {
                    collect(p, transcript, failures);
                    changed = true;
                }
                if (p.inFlight == null && p.failure == null && !p.backlog.isEmpty()) {
                    Step step = p.backlog.poll();
                    p.inFlightStep = step;
                    p.inFlight = threads[p.index].submit(() -> {
                        step.run(p.tx);
                        return null;
                    });
                    settle(p, monitor, transcript, failures);
                    changed = true;
                }
            }
        }
    }

    /** Waits until the party's step finished or its session waits for a lock. */
    private void settle(Party p, Connection monitor, Transcript transcript, List<String> failures)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + STEP_BOUND_NANOS;
        while (true) {
            try {
                p.inFlight.get(2, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                long sinceProbe = System.nanoTime() - lastProbeNanos;
                if (sinceProbe < TimeUnit.MILLISECONDS.toNanos(store.engine().lockProbeIntervalMillis())) {
                    continue; // the engine's answer would be stale yet: keep waiting for the step itself
                }
                boolean waiting = store.engine().isWaitingForLock(monitor, p.sessionId);
                lastProbeNanos = System.nanoTime();
                if (waiting) {
                    p.blocked = true;
                    p.everBlocked = true;
                    transcript.say(p.name, "-- " + p.inFlightStep.name() + ": blocked, waiting for a lock");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(p.name + "'s " + p.inFlightStep.name()
                            + " neither finished nor waited for a lock within 20 s");
                }
                continue;
            } catch (ExecutionException failed) {
                // collected below
            }
            collect(p, transcript, failures);
            return;
        }
    }

    private void collect(Party p, Transcript transcript, List<String> failures) throws InterruptedException {
        Future<?> done = p.inFlight;
        p.inFlight = null;
        p.blocked = false;
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            p.failure = cause instanceof SQLException sql ? store.engine().classify(sql) : Engine.Failure.OTHER;
            failures.add(p.name + " " + p.inFlightStep.name() + ": " + (cause instanceof SQLException sql
                    ? p.tx.describe(sql) : cause.toString()));
            p.backlog.clear();
            rollBackOnItsThread(p, transcript);
        }
    }

    private void rollBackOnItsThread(Party p, Transcript transcript) throws InterruptedException {
        try {
            threads[p.index].submit(() -> {
                if (!p.connection.getAutoCommit()) {
                    p.connection.rollback();
                    transcript.say(p.name, "rollback;");
                }
                return null;
            }).get();
        } catch (ExecutionException e) {
            transcript.say(p.name, "rollback; -- failed: " + e.getCause().getMessage());
        }
    }

    private void closeOnItsThread(Party p) throws InterruptedException {
        try {
            threads[p.index].submit(() -> {
                try (Connection c = p.connection) {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                }
                return null;
            }).get();
        } catch (ExecutionException ignored) {
            // a broken connection: the pool discards it
        }
    }

    private static void waitBriefly(Future<?> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // progress() collects it
        }
    }

    private ScheduleOutcome judge(List<Integer> schedule, Party[] parties, Transcript transcript,
                                  List<String> failures) throws SQLException {
        TransactionalInventory inventory = TransactionalInventory.over(store, plan.second());
        List<String> answers = new ArrayList<>();
        long sold = 0;
        boolean unanswered = false;
        Set<Engine.Failure> retried = EnumSet.noneOf(Engine.Failure.class);
        for (Party p : parties) {
            PurchaseResult answer = p.tx.answer();
            if (p.failure != null) {
                if (p.failure.retryable() || p.failure == Engine.Failure.FENCED) {
                    retried.add(p.failure);
                    answer = TransactionalInventory.over(store, plan.retryOf(p.index)).buy(p.request);
                    transcript.say(p.name, (p.failure == Engine.Failure.FENCED ? "-- re-routed to the new owner: "
                            : "-- retried as a new transaction: ")
                            + (answer.unitsSold() > 0 ? "purchased" : "out of stock"));
                } else {
                    answer = null;
                }
            }
            if (answer == null) {
                unanswered = true;
                answers.add(p.name + ": no answer");
            } else {
                sold += answer.unitsSold();
                answers.add(p.name + ": " + (answer.unitsSold() > 0 ? "purchased" : "out of stock"));
            }
        }
        long finalStock = inventory.stock(SKU);
        long recorded;
        try (Connection c = store.database().connection()) {
            recorded = Tx.forQueries(c, store).queryLong("SELECT COUNT(*) FROM " + store.purchasesTable());
        }
        boolean oversold = sold > 1 || finalStock < 0 || finalStock + sold != 1;
        ScheduleKind kind = oversold ? ScheduleKind.OVERSOLD
                : unanswered ? ScheduleKind.NOT_ANSWERED
                : retried.contains(Engine.Failure.FENCED) ? ScheduleKind.FENCED_REROUTED
                : retried.contains(Engine.Failure.DEADLOCK) ? ScheduleKind.DEADLOCK_RETRIED
                : retried.contains(Engine.Failure.SERIALIZATION) ? ScheduleKind.SERIALIZATION_FAILURE_RETRIED
                : retried.contains(Engine.Failure.VERSION_CONFLICT) ? ScheduleKind.VERSION_CONFLICT_RETRIED
                : retried.contains(Engine.Failure.LOCK_TIMEOUT) ? ScheduleKind.LOCK_TIMEOUT_RETRIED
                : retried.contains(Engine.Failure.DUPLICATE_KEY) ? ScheduleKind.DUPLICATE_RETRIED
                : parties[0].everBlocked || parties[1].everBlocked ? ScheduleKind.BLOCKED_THEN_REJECTED
                : ScheduleKind.ONE_REJECTED;
        if (oversold) {
            transcript.say("result", "-- Oversell: " + sold + " units sold, 1 existed; stock now " + finalStock);
        }
        return new ScheduleOutcome(name(schedule), kind, answers, finalStock, sold, recorded, failures,
                transcript.render());
    }

    @Override
    public void close() {
        for (ExecutorService thread : threads) {
            thread.shutdownNow();
        }
    }
}
