package dev.oversell.properties.database;

import dev.oversell.judge.Finding;
import dev.oversell.model.PurchaseResult;
import dev.oversell.store.Engine;
import dev.oversell.store.PurchaseScript;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The step gate: runs the calls of a {@link SchedulePlan} (usually two purchases of the last unit) on a
 * connection each, one step at a time in the order a schedule gives. Each transaction's steps run on its own
 * thread; after handing a step over, the gate waits until the step has finished or the engine reports the
 * session waiting for a lock (asked on another connection through the {@link LockProbe}), never for a fixed
 * time. A blocked transaction's later steps wait their turn behind it while the others go on, exactly as a
 * person running a Hermitage test in several terminals would do.
 *
 * <p>A transaction the engine aborts is rolled back; if the failure is one a retry may cure it is retried as a
 * new transaction once the schedule is over (what the design itself does), and the final answers are judged:
 * the accounts ({@link Finding#ofAccounts}) and whether some sequential order explains the answers
 * ({@link SequentialOrders}).
 *
 * <p>The gate never passes a schedule it did not run as given: a lock timeout inside a schedule (the gate
 * missed a lock wait, so the others never went on to release it), a step that neither finishes nor blocks
 * within {@value #STEP_BOUND_SECONDS} s, or a transaction left with steps unrun is a {@link GateError}.
 */
public final class ScheduleRunner implements AutoCloseable {

    public static final String SKU = SchedulePlan.SKU;
    static final int LOCK_TIMEOUT_MILLIS = 3_000;
    private static final long STEP_BOUND_SECONDS = 20;
    private static final long STEP_BOUND_NANOS = TimeUnit.SECONDS.toNanos(STEP_BOUND_SECONDS);

    private final Store store;
    private final SchedulePlan plan;
    private final List<List<Step>> steps = new ArrayList<>();
    private final List<ExecutorService> threads = new ArrayList<>();
    private final LockProbe probe;
    private final int lockTimeoutMillis;

    public ScheduleRunner(Store store, PurchaseScript script) {
        this(store, SchedulePlan.lastUnit(script));
    }

    public ScheduleRunner(Store store, SchedulePlan plan) {
        this(store, plan, LockProbe.of(store.engine()), LOCK_TIMEOUT_MILLIS);
    }

    /** A gate that learns of lock waits through {@code probe}, with every lock wait bounded by {@code lockTimeoutMillis}. */
    public ScheduleRunner(Store store, SchedulePlan plan, LockProbe probe, int lockTimeoutMillis) {
        this.store = store;
        this.plan = plan;
        this.probe = probe;
        this.lockTimeoutMillis = lockTimeoutMillis;
        for (int i = 0; i < plan.calls().size(); i++) {
            steps.add(plan.calls().get(i).steps());
            String name = "T" + (i + 1);
            threads.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "oversell-schedule-" + name);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** Every interleaving of the calls' steps. */
    public List<List<Integer>> schedules() {
        return Interleavings.of(stepCounts(steps));
    }

    /** How many steps each call has, in order. */
    static int[] stepCounts(List<List<Step>> steps) {
        return steps.stream().mapToInt(List::size).toArray();
    }

    /** The schedule's name: each step's initial and its transaction, e.g. {@code b1 r1 b2 r2 w1 w2 c1 c2}. */
    public String name(List<Integer> schedule) {
        return name(steps, schedule);
    }

    static String name(List<List<Step>> steps, List<Integer> schedule) {
        StringBuilder out = new StringBuilder();
        int[] next = new int[steps.size()];
        for (int who : schedule) {
            Step step = steps.get(who - 1).get(next[who - 1]++);
            out.append(out.length() == 0 ? "" : " ").append(step.name().charAt(0)).append(who);
        }
        return out.toString();
    }

    /** One party of a schedule: a call, its connection, its thread and the steps it still owes. */
    private final class Party {
        final int index;
        final String name;
        final ScheduledCall call;
        final Deque<Step> backlog = new ArrayDeque<>();
        Connection connection;
        long sessionId;
        Tx tx;
        Future<?> inFlight;
        Step inFlightStep;
        boolean everBlocked;
        Engine.Failure failure;
        String failureText;
        int nextStep;
        int stepsRun;

        Party(int index) {
            this.index = index;
            this.name = "T" + (index + 1);
            this.call = plan.calls().get(index);
        }

        boolean hasWork() {
            return inFlight != null || (failure == null && !backlog.isEmpty());
        }
    }

    public ScheduleOutcome run(List<Integer> schedule) throws SQLException, InterruptedException {
        store.reset(plan.initialStock());
        plan.setUp().accept(store);
        Engine engine = store.engine();
        Transcript transcript = new Transcript();
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < plan.calls().size(); i++) {
            parties.add(new Party(i));
        }
        List<String> failures = new ArrayList<>();
        try (Connection monitor = store.database().connection()) {
            for (Party p : parties) {
                p.connection = store.database().connection();
                engine.setLockTimeout(p.connection, lockTimeoutMillis);
                p.sessionId = engine.sessionId(p.connection);
                p.tx = new Tx(p.connection, store, p.call instanceof ScheduledCall.Purchase purchase
                        ? purchase.request() : null, p.name, transcript);
            }
            for (int who : schedule) {
                Party p = parties.get(who - 1);
                p.backlog.add(steps.get(p.index).get(p.nextStep++));
                progress(parties, monitor, transcript, failures, schedule);
            }
            long deadline = System.nanoTime() + STEP_BOUND_NANOS;
            while (parties.stream().anyMatch(Party::hasWork)) {
                progress(parties, monitor, transcript, failures, schedule);
                for (Party p : parties) {
                    if (p.inFlight != null) {
                        waitBriefly(p.inFlight);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new GateError("schedule " + name(schedule) + " did not finish within " + STEP_BOUND_SECONDS
                            + " s of its last step; transcript so far:\n" + transcript.render());
                }
            }
        } finally {
            for (Party p : parties) {
                if (p.connection != null) {
                    closeOnItsThread(p);
                }
            }
        }
        for (Party p : parties) {
            if (p.failure == null && p.stepsRun != steps.get(p.index).size()) {
                throw new GateError("schedule " + name(schedule) + ": " + p.name + " ran " + p.stepsRun + " of its "
                        + steps.get(p.index).size() + " steps and did not fail; transcript:\n" + transcript.render());
            }
        }
        return judge(schedule, parties, transcript, failures);
    }

    private void progress(List<Party> parties, Connection monitor, Transcript transcript, List<String> failures,
                          List<Integer> schedule) throws SQLException, InterruptedException {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Party p : parties) {
                if (p.inFlight != null && p.inFlight.isDone()) {
                    collect(p, transcript, failures, schedule);
                    changed = true;
                }
                if (p.inFlight == null && p.failure == null && !p.backlog.isEmpty()) {
                    Step step = p.backlog.poll();
                    p.inFlightStep = step;
                    p.inFlight = threads.get(p.index).submit(() -> {
                        step.run(p.tx);
                        return null;
                    });
                    settle(p, monitor, transcript, failures, schedule);
                    changed = true;
                }
            }
        }
    }

    /** Waits until the party's step finished or its session waits for a lock. */
    private void settle(Party p, Connection monitor, Transcript transcript, List<String> failures,
                        List<Integer> schedule) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + STEP_BOUND_NANOS;
        while (true) {
            try {
                p.inFlight.get(2, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (probe.isWaitingForLock(monitor, p.sessionId)) {
                    p.everBlocked = true;
                    transcript.say(p.name, "-- " + p.inFlightStep.name() + ": blocked, waiting for a lock");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new GateError("schedule " + name(schedule) + ": " + p.name + "'s " + p.inFlightStep.name()
                            + " neither finished nor waited for a lock within " + STEP_BOUND_SECONDS + " s");
                }
                continue;
            } catch (ExecutionException failed) {
                // collected below
            }
            collect(p, transcript, failures, schedule);
            return;
        }
    }

    private void collect(Party p, Transcript transcript, List<String> failures, List<Integer> schedule)
            throws InterruptedException {
        Future<?> done = p.inFlight;
        p.inFlight = null;
        try {
            done.get();
            p.stepsRun++;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            p.failure = cause instanceof SQLException sql ? store.engine().classify(sql) : Engine.Failure.OTHER;
            p.failureText = p.name + " " + p.inFlightStep.name() + ": " + (cause instanceof SQLException sql
                    ? p.tx.describe(sql) : cause.toString());
            failures.add(p.failureText);
            p.backlog.clear();
            rollBackOnItsThread(p, transcript);
            if (p.failure == Engine.Failure.LOCK_TIMEOUT) {
                throw new GateError("schedule " + name(schedule) + ": " + p.failureText + ". A lock timeout inside a"
                        + " schedule means the gate missed a lock wait (the other transactions never went on to"
                        + " release the lock), so the schedule was not run as given; it is a gate error, never a"
                        + " pass. Transcript:\n" + transcript.render());
            }
        }
    }

    private void rollBackOnItsThread(Party p, Transcript transcript) throws InterruptedException {
        try {
            threads.get(p.index).submit(() -> {
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
            threads.get(p.index).submit(() -> {
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

    private ScheduleOutcome judge(List<Integer> schedule, List<Party> parties, Transcript transcript,
                                  List<String> failures) throws SQLException {
        List<PurchaseResult> answers = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Map<String, Long> existed = new LinkedHashMap<>(plan.initialStock());
        Map<String, Map<String, Integer>> soldById = new HashMap<>();
        boolean unanswered = false;
        Set<Engine.Failure> retried = EnumSet.noneOf(Engine.Failure.class);
        for (Party p : parties) {
            PurchaseResult answer = null;
            boolean answered;
            if (p.call instanceof ScheduledCall.Purchase purchase) {
                answer = p.failure == null ? p.tx.answer() : retried(p, purchase, retried, transcript);
                answered = answer != null;
                if (answered) {
                    soldById.computeIfAbsent(purchase.product(), k -> new HashMap<>())
                            .merge(purchase.request().requestId(), answer.unitsSold(), Math::max);
                    said.add(p.name + ": " + (answer.unitsSold() > 0 ? "purchased " + answer.unitsSold() : "out of stock"));
                }
            } else {
                ScheduledCall.Restock restock = (ScheduledCall.Restock) p.call;
                answered = p.failure == null ? p.tx.recall(ScheduledCall.Restock.CHANGED) == 1
                        : retriedRestock(p, restock, retried, transcript);
                if (answered) {
                    existed.merge(restock.product(), restock.units(), Long::sum);
                    said.add(p.name + ": restocked " + restock.units());
                }
            }
            if (!answered) {
                unanswered = true;
                said.add(p.name + ": no answer");
            }
            answers.add(answer);
        }
        TransactionalInventory reader = TransactionalInventory.over(store, script(plan.calls().get(0)));
        Map<String, Long> finalStock = new LinkedHashMap<>();
        Finding finding = Finding.HELD;
        long sold = 0;
        long existedUnits = 0;
        for (String product : existed.keySet()) {
            long stock = reader.stock(product);
            long soldOfProduct = soldById.getOrDefault(product, Map.of()).values().stream().mapToLong(Integer::longValue).sum();
            finalStock.put(product, stock);
            sold += soldOfProduct;
            existedUnits += existed.get(product);
            finding = Finding.worst(finding, Finding.ofAccounts(existed.get(product), soldOfProduct, stock));
        }
        if (finding == Finding.HELD && !unanswered
                && !SequentialOrders.explain(plan.calls(), answers, plan.initialStock(), finalStock)) {
            finding = Finding.NOT_LINEARIZABLE;
        }
        long recorded;
        try (Connection c = store.database().connection()) {
            recorded = Tx.forQueries(c, store).queryLong("SELECT COUNT(*) FROM " + store.purchasesTable());
        }
        long requestsAnswered = soldById.values().stream().mapToLong(Map::size).sum();
        ScheduleKind kind = switch (finding) {
            case OVERSOLD -> ScheduleKind.OVERSOLD;
            case LOST_UPDATE -> ScheduleKind.LOST_UPDATE;
            case NOT_LINEARIZABLE -> ScheduleKind.NOT_LINEARIZABLE;
            case HELD -> unanswered ? ScheduleKind.NOT_ANSWERED
                    : retried.contains(Engine.Failure.FENCED) ? ScheduleKind.FENCED_REROUTED
                    : retried.contains(Engine.Failure.DEADLOCK) ? ScheduleKind.DEADLOCK_RETRIED
                    : retried.contains(Engine.Failure.SERIALIZATION) ? ScheduleKind.SERIALIZATION_FAILURE_RETRIED
                    : retried.contains(Engine.Failure.VERSION_CONFLICT) ? ScheduleKind.VERSION_CONFLICT_RETRIED
                    : retried.contains(Engine.Failure.DUPLICATE_KEY) ? ScheduleKind.DUPLICATE_RETRIED
                    : parties.stream().anyMatch(p -> p.everBlocked) ? ScheduleKind.BLOCKED_THEN_DECIDED
                    : ScheduleKind.NO_CONFLICT;
        };
        if (finding.anomaly()) {
            transcript.say("result", "-- " + finding.word() + ": " + sold + " units sold, " + existedUnits
                    + " existed; stock now " + finalStock.values().stream().mapToLong(Long::longValue).sum()
                    + " (" + finding.meaning() + ")");
        }
        return new ScheduleOutcome(name(schedule), plan.describe(), finding, kind, said, existedUnits,
                finalStock.values().stream().mapToLong(Long::longValue).sum(), sold, recorded, requestsAnswered,
                failures, transcript.render());
    }

    /** A purchase the engine aborted, retried (or re-routed) as a new transaction, as the design does; null if not. */
    private PurchaseResult retried(Party p, ScheduledCall.Purchase purchase, Set<Engine.Failure> retried,
                                   Transcript transcript) {
        if (!p.failure.retryable() && p.failure != Engine.Failure.FENCED) {
            return null;
        }
        retried.add(p.failure);
        PurchaseResult answer = TransactionalInventory.over(store, purchase.retry()).buy(purchase.request());
        transcript.say(p.name, (p.failure == Engine.Failure.FENCED ? "-- re-routed to the new owner: "
                : "-- retried as a new transaction: ") + (answer.unitsSold() > 0 ? "purchased" : "out of stock"));
        return answer;
    }

    private boolean retriedRestock(Party p, ScheduledCall.Restock restock, Set<Engine.Failure> retried,
                                   Transcript transcript) {
        if (!p.failure.retryable()) {
            return false;
        }
        retried.add(p.failure);
        TransactionalInventory.over(store, restock.script()).restock(restock.product(), restock.units());
        transcript.say(p.name, "-- retried as a new transaction: restocked");
        return true;
    }

    private static PurchaseScript script(ScheduledCall call) {
        return call instanceof ScheduledCall.Purchase p ? p.script() : ((ScheduledCall.Restock) call).script();
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdownNow);
    }
}
