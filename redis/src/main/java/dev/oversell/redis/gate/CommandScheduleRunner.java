package dev.oversell.redis.gate;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Relaxation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseResult;
import dev.oversell.properties.database.GateError;
import dev.oversell.properties.database.jdbc.PlannedCall;
import dev.oversell.properties.database.jdbc.SequentialOrders;
import dev.oversell.properties.database.jdbc.StatementPlan;
import dev.oversell.properties.schedule.ScheduleTree;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command-level gate: every distinct execution of a plan's calls (two buyers of the last unit, ...) on a
 * Redis design, each buyer an instance of its own whose connections reach Redis through a {@link BuyerProxy} of
 * its own, the steps chosen by the same {@link ScheduleTree} that explores the database family's statements. Each
 * execution runs on a fresh store ({@link Keyspace}), deleted after it, and is judged in the project's words:
 * oversold, lost update ({@link Finding#ofAccounts}), not linearizable when no sequential order of the calls gives
 * the same answers and stock ({@link SequentialOrders}), else held.
 *
 * <p>What counts as one step, and what commutes, is the proxy's ({@link Commands}, {@link CommandFootprint}): a
 * command, a script, a {@code MULTI}…{@code EXEC} block; two reads, or two steps on keys that share none, run in one
 * order only.
 */
public final class CommandScheduleRunner implements AutoCloseable {

    private final RedisDesign design;
    private final RedisClient direct;
    private final StatefulRedisConnection<String, String> directConnection;
    private final List<BuyerProxy> proxies = new ArrayList<>();
    private final List<RedisEndpoint> endpoints = new ArrayList<>();
    private final String version;

    /** A gate for {@code design} on the configured Redis ({@link RedisServer}), for plans of up to {@code buyers}. */
    public CommandScheduleRunner(RedisDesign design, int buyers) {
        this.design = design;
        this.direct = RedisServer.openOrSkip();
        this.version = RedisServer.version();
        this.directConnection = direct.connect();
        RedisURI upstream = dev.oversell.redis.RedisSettings.uri();
        try {
            for (int b = 0; b < buyers; b++) {
                BuyerProxy proxy = new BuyerProxy(b, upstream.getHost(), upstream.getPort());
                proxies.add(proxy);
                endpoints.add(RedisEndpoint.at(RedisURI.builder(upstream).withHost("127.0.0.1")
                        .withPort(proxy.port()).build()));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** The server the gate runs on, as it describes itself. */
    public String version() {
        return version;
    }

    /** Every distinct execution of {@code plan}, up to {@code limit} runs; judged, with the worst one's script. */
    public PlanResult explore(StatementPlan plan, int limit, String reproduce) {
        ScheduleTree tree = new ScheduleTree();
        Map<Finding, Integer> byFinding = new EnumMap<>(Finding.class);
        Finding worst = null;
        boolean allRelaxed = true;
        String script = null;
        String scheduleName = null;
        long[] counts = new long[3];
        int runs = 0;
        try {
            while (!tree.exhausted()) {
                if (runs >= limit) {
                    return new PlanResult(plan.name(), new Coverage.NotChecked("the exploration stopped at its limit of "
                            + limit + " runs", "-Doversell.explorationLimit=" + (limit * 10)), null, byFinding,
                            script, scheduleName, counts[0], counts[1], counts[2], null);
                }
                Execution execution = runOnce(plan, tree.nextRun(false));
                runs++;
                if (tree.diverged() != null) {
                    throw new GateError("Redis answered the same choices otherwise on a replay: " + tree.diverged());
                }
                tree.finished();
                byFinding.merge(execution.finding, 1, Integer::sum);
                allRelaxed &= execution.finding != Finding.NOT_LINEARIZABLE || execution.fitsRelaxation;
                if (worst == null || Finding.worst(worst, execution.finding) != worst) {
                    worst = execution.finding;
                    script = execution.script(plan, reproduce);
                    scheduleName = execution.name();
                    counts = new long[] {execution.attempted, execution.sold, execution.oversold};
                }
            }
        } catch (GateError error) {
            return new PlanResult(plan.name(), new Coverage.NotChecked("a gate error: " + error.getMessage(),
                    reproduce), null, byFinding, null, null, 0, 0, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateError("interrupted");
        }
        return new PlanResult(plan.name(), new Coverage.Every(runs - tree.equivalent()), worst, byFinding, script,
                scheduleName, counts[0], counts[1], counts[2],
                worst == Finding.NOT_LINEARIZABLE && allRelaxed ? design.accepts() : null);
    }

    /** One execution: what the chooser picked, what each call answered, and what it left. */
    private final class Execution {
        final List<CommandPoint> taken;
        final List<CommandGate.Line> transcript;
        final List<Object> answers;
        final List<String> setUp;
        final String prefix;
        final long stockAfter;
        final Finding finding;
        /** Not linearizable, and the design's declared relaxation explains the answers. */
        final boolean fitsRelaxation;
        final long attempted;
        final long sold;
        final long oversold;
        final long existed;

        Execution(List<CommandPoint> taken, List<CommandGate.Line> transcript, List<Object> answers,
                  List<String> setUp, String prefix, long initial, long stockAfter, List<PlannedCall> calls) {
            this.taken = taken;
            this.transcript = transcript;
            this.answers = answers;
            this.setUp = setUp;
            this.prefix = prefix;
            this.stockAfter = stockAfter;
            long existed = initial;
            long units = 0;
            long purchases = 0;
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i) instanceof PlannedCall.Restock restock) {
                    existed += restock.units();
                } else {
                    purchases++;
                }
                if (answers.get(i) instanceof PurchaseResult result) {
                    units += result.unitsSold();
                }
            }
            Finding seen = Finding.ofAccounts(existed, units, stockAfter);
            Map<String, Long> before = Map.of(StatementPlan.PRODUCT, initial);
            Map<String, Long> after = Map.of(StatementPlan.PRODUCT, stockAfter);
            if (seen == Finding.HELD && !SequentialOrders.explain(calls, answers, before, after)) {
                seen = Finding.NOT_LINEARIZABLE;
            }
            this.finding = seen;
            this.fitsRelaxation = seen == Finding.NOT_LINEARIZABLE
                    && design.accepts() == Relaxation.REFUSES_WHILE_UNITS_ARE_OUT
                    && SequentialOrders.explain(calls, answers, before, after, true);
            this.attempted = purchases;
            this.sold = units;
            this.oversold = Math.max(0, units - existed);
            this.existed = existed;
        }

        /** The schedule's name: each step's label in order, {@code g1 g2 d1 d2}. */
        String name() {
            return taken.stream().map(CommandPoint::label).collect(Collectors.joining(" "));
        }

        String script(StatementPlan plan, String reproduce) {
            List<String> header = new ArrayList<>();
            header.add("Oversell: " + design.name() + " on " + version);
            header.add(design.mechanism());
            header.add("Claim: " + design.claim() + ". Schedule " + name() + ": " + finding.word() + "."
                    + (fitsRelaxation ? " The design accepts it: it " + design.accepts().words() + "." : ""));
            StringBuilder who = new StringBuilder(plan.name() + ": " + stockOf(plan) + " of '"
                    + StatementPlan.PRODUCT + "' in stock");
            for (int i = 0; i < plan.calls().size(); i++) {
                who.append("; B").append(i + 1).append(' ').append(plan.calls().get(i).describe());
            }
            header.add(who.toString());
            header.add("Each buyer is an instance of its own on a connection of its own: type its commands (the part"
                    + " before \"--\") into a redis-cli of its own; Redis's answer follows \"--\".");
            header.add("Answers: " + answers);
            header.add("Reproduce: " + reproduce);
            return RedisScript.of(header, setUp, transcript, prefix, finding.word() + ": " + sold + " units sold, "
                    + existed + " existed; stock now " + stockAfter + " (" + finding.meaning() + ")");
        }
    }

    /** The stock a plan of single purchases starts from: the Redis designs keep one product's counter. */
    private static long stockOf(StatementPlan plan) {
        if (plan.placesOrders() || !plan.stock().keySet().equals(java.util.Set.of(StatementPlan.PRODUCT))) {
            throw new IllegalArgumentException("the Redis command gate runs plans of single purchases of '"
                    + StatementPlan.PRODUCT + "', not " + plan.describe());
        }
        return plan.stock().get(StatementPlan.PRODUCT);
    }

    private Execution runOnce(StatementPlan plan, ScheduleTree.Chooser chooser) throws InterruptedException {
        RedisCommands<String, String> redis = directConnection.sync();
        Keyspace keys = Keyspace.fresh();
        int n = plan.calls().size();
        List<Inventory> instances = new ArrayList<>();
        CommandGate gate = new CommandGate(n, keys.prefix());
        List<Thread> buyers = new ArrayList<>();
        Object[] answers = new Object[n];
        try {
            keys.seed(redis, Map.of(StatementPlan.PRODUCT, stockOf(plan)));
            for (int b = 0; b < n; b++) {
                instances.add(design.create(endpoints.get(b), keys));
            }
            proxies.subList(0, n).forEach(p -> p.gate(gate));
            for (int b = 0; b < n; b++) {
                int buyer = b;
                Thread thread = new Thread(() -> {
                    try {
                        answers[buyer] = plan.calls().get(buyer).call(List.of(instances.get(buyer)));
                    } catch (Throwable thrown) {
                        answers[buyer] = thrown;
                        gate.fail("B" + (buyer + 1) + "'s call threw " + thrown);
                    } finally {
                        gate.returned(buyer);
                    }
                }, "redis-buyer-B" + (b + 1));
                buyers.add(thread);
                thread.start();
            }
            List<CommandPoint> taken;
            try {
                taken = gate.run(chooser);
            } finally {
                for (Thread thread : buyers) {
                    thread.join(CommandGate.BOUND_MILLIS);
                }
            }
            List<String> setUp = new ArrayList<>();
            setUp.add("SET " + keys.stock(StatementPlan.PRODUCT) + " " + stockOf(plan));
            setUp.add("SADD " + keys.products() + " " + StatementPlan.PRODUCT);
            proxies.forEach(p -> setUp.addAll(p.scriptsLoaded()));
            List<Object> answered = List.of(answers);
            long stockAfter = Long.parseLong(redis.get(keys.stock(StatementPlan.PRODUCT)));
            return new Execution(taken, gate.transcript(), answered, setUp.stream().distinct().toList(),
                    keys.prefix(), stockOf(plan), stockAfter, plan.calls());
        } finally {
            proxies.forEach(p -> p.gate(null));
            for (Inventory instance : instances) {
                instance.close();
            }
            keys.deleteAll(redis);
        }
    }

    /** Closes the proxies and clients; the stores were deleted run by run. */
    @Override
    public void close() {
        endpoints.forEach(RedisEndpoint::close);
        for (BuyerProxy proxy : proxies) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the proxy's sockets are closed either way
            }
        }
        if (directConnection != null) {
            directConnection.close();
        }
        direct.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
