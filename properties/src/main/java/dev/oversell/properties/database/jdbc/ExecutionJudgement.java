package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Finding;
import dev.oversell.judge.PartialOrders;
import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseResult;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one execution of a plan shows, judged from how each call ended and the stock it left: a pure function of
 * them ({@link #of}), beside {@link dev.oversell.judge.Judge}, which judges a cell from its executions. The accounts
 * of each product come first ({@link Finding#ofAccounts}: units that existed, units sold with each request id
 * counted once, the stock after); where an order's products do not add up, {@link PartialOrders} says whether an
 * order cut in two explains the stock; where they add up, the answers must fit a sequential order
 * ({@link SequentialOrders}). A call the engine refused took nothing, or the accounts say so. The script's result
 * lines are part of the judgement ({@link #notes}), in the order the script prints them.
 *
 * @param finding         the worst thing the execution shows
 * @param answers         what each call answered, one line each ({@code T1: purchased 1})
 * @param errors          the calls that threw something other than the engine's refusal
 * @param notes           the script's lines about the outcome, in order
 * @param existed         units that existed, over every product (the plan's stock and applied restocks)
 * @param sold            units sold, over every product
 * @param stockAfter      the stock left, over every product
 * @param deadlockVictims calls the engine refused to break a deadlock
 * @param refused         whether the engine refused some call
 */
record ExecutionJudgement(Finding finding, List<String> answers, List<String> errors, List<Note> notes, long existed,
                          long sold, long stockAfter, int deadlockVictims, boolean refused) {

    /** How one call of the execution ended. */
    sealed interface CallEnd {
        /** The call's transaction's name ({@code T1}). */
        String name();
    }

    /**
     * The engine refused the call (a serialization failure or a deadlock's victim, passed on by the code):
     * {@code deadlock} if the gate saw it break a deadlock, {@code described} the failure as the script says it.
     */
    record Refused(String name, Engine.Failure refusal, boolean deadlock, String described) implements CallEnd {
    }

    /** The call threw something else ({@code type}, the exception's simple name): an error, never a finding. */
    record Threw(String name, String type, String described) implements CallEnd {
    }

    /**
     * The call returned {@code answer} (a {@link PurchaseResult}, an {@link OrderResult}, or anything for a restock);
     * {@code rerouted}, if it was fenced out and sent again to the new owner, is the script's line saying so.
     */
    record Answered(String name, Object answer, String rerouted) implements CallEnd {
    }

    /** A line of the script: {@code who} ({@code result}, or a transaction's name) and what it says. */
    record Note(String who, String text) {
    }

    /**
     * The products whose stock the judgement needs, in the order it names them: the plan's, then any a restock
     * that answered added.
     */
    static List<String> products(Map<String, Long> initialStock, List<PlannedCall> calls, List<CallEnd> ends) {
        return List.copyOf(existed(initialStock, calls, ends).keySet());
    }

    private static Map<String, Long> existed(Map<String, Long> initialStock, List<PlannedCall> calls,
                                             List<CallEnd> ends) {
        Map<String, Long> existed = new LinkedHashMap<>(initialStock);
        for (int i = 0; i < ends.size(); i++) {
            if (ends.get(i) instanceof Answered && calls.get(i) instanceof PlannedCall.Restock restock) {
                existed.merge(restock.product(), restock.units(), Long::sum);
            }
        }
        return existed;
    }

    /**
     * Judges an execution: {@code calls} (T1, T2, ...) as planned from {@code initialStock}, {@code ends} how each
     * ended, {@code stockAfter} the stock each of {@link #products} read once every call had returned.
     */
    static ExecutionJudgement of(Map<String, Long> initialStock, List<PlannedCall> calls, List<CallEnd> ends,
                                 Map<String, Long> stockAfter) {
        List<String> answers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        // units sold of each product under each request id (a purchase, or an order's lines): a request counts once
        Map<String, Map<String, Integer>> soldById = new HashMap<>();
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, String> orderAnswers = new HashMap<>();
        List<Integer> refused = new ArrayList<>();
        int deadlockVictims = 0;
        Map<String, Long> existed = existed(initialStock, calls, ends);
        for (int i = 0; i < ends.size(); i++) {
            CallEnd end = ends.get(i);
            PlannedCall call = calls.get(i);
            if (call instanceof PlannedCall.Place place) {
                orders.put(end.name(), place.order());
            }
            if (end instanceof Refused r) {
                // the engine aborted the transaction to keep it consistent and the code passed that on: the call
                // failed; that nothing of it was applied is what the accounts below check (else units are lost)
                deadlockVictims += r.deadlock() ? 1 : 0;
                refused.add(i);
                answers.add(r.name() + ": refused by the engine (" + (r.deadlock()
                        && r.refusal() != Engine.Failure.DEADLOCK ? "a deadlock: " : "") + r.described() + ")");
                orderAnswers.put(r.name(), "refused by the engine");
                notes.add(new Note("result", r.name() + "'s " + call.noun() + " failed: the engine refused it ("
                        + (r.deadlock() ? "deadlock" : r.refusal().name().toLowerCase(Locale.ROOT))
                        + ") and the code passed the failure on"));
                results.add(null);
            } else if (end instanceof Threw t) {
                answers.add(t.name() + ": threw");
                errors.add(t.name() + " threw " + t.type() + ": " + t.described());
                orderAnswers.put(t.name(), "threw");
                results.add(null);
            } else if (end instanceof Answered a) {
                if (a.rerouted() != null) {
                    notes.add(new Note(a.name(), a.rerouted()));
                }
                Object answer = a.answer();
                results.add(answer);
                if (answer instanceof PurchaseResult result) {
                    soldById.computeIfAbsent(result.requestId(), id -> new HashMap<>())
                            .merge(result.product(), result.unitsSold(), Math::max);
                    answers.add(a.name() + ": " + (result.unitsSold() > 0 ? "purchased " + result.unitsSold()
                            : "out of stock"));
                } else if (answer instanceof OrderResult result) {
                    Map<String, Integer> lines = soldById.computeIfAbsent(result.requestId(), id -> new HashMap<>());
                    ((PlannedCall.Place) call).order().lines().forEach(line ->
                            lines.merge(line.product(), result.unitsSold(line.product()), Math::max));
                    String said = result instanceof OrderResult.Refused short_ ? "refused, '"
                            + short_.shortProduct() + "' short" : "placed";
                    answers.add(a.name() + ": " + said);
                    orderAnswers.put(a.name(), said);
                } else {
                    answers.add(a.name() + ": restocked " + ((PlannedCall.Restock) call).units());
                }
            }
        }
        Map<String, Long> sold = new LinkedHashMap<>();
        existed.keySet().forEach(product -> sold.put(product, 0L));
        soldById.values().forEach(lines -> lines.forEach((product, units) -> sold.merge(product, (long) units, Long::sum)));
        Finding finding = Finding.HELD;
        for (String product : sold.keySet()) {
            finding = Finding.worst(finding, Finding.ofAccounts(existed.getOrDefault(product, 0L), sold.get(product),
                    stockAfter.get(product)));
        }
        String partly = null;
        if (finding == Finding.LOST_UPDATE && !orders.isEmpty()) {
            // the accounts of some product do not add up: an order cut in two, if nothing else explains the stock
            Map<String, Long> expected = new LinkedHashMap<>(existed);
            Set<String> orderIds = orders.values().stream().map(Order::requestId).collect(Collectors.toSet());
            soldById.forEach((id, lines) -> {
                if (!orderIds.contains(id)) {
                    lines.forEach((product, units) -> expected.merge(product, (long) -units, Long::sum));
                }
            });
            partly = PartialOrders.explain(orders, orderAnswers, expected, stockAfter).orElse(null);
            if (partly != null) {
                finding = Finding.PARTIALLY_APPLIED;
            }
        }
        if (finding == Finding.HELD && errors.isEmpty() && !SequentialOrders.explain(without(calls, refused),
                without(results, refused), initialStock, stockAfter)) {
            finding = Finding.NOT_LINEARIZABLE;
        }
        String accounts = accounts(existed, sold, stockAfter);
        if (!finding.anomaly() && !refused.isEmpty()) {
            notes.add(new Note("result", finding.word() + ": " + accounts + ": nothing of the refused "
                    + (orders.isEmpty() ? "purchase" : "order") + " was applied"));
        }
        if (finding.anomaly()) {
            notes.add(new Note("result", finding.word() + ": " + accounts + " (" + (partly != null
                    ? "as the stock left reads: " + partly : finding.meaning()) + ")"));
        }
        errors.forEach(e -> notes.add(new Note("result", "error: " + e)));
        return new ExecutionJudgement(finding, List.copyOf(answers), List.copyOf(errors), List.copyOf(notes),
                total(existed), total(sold), total(stockAfter), deadlockVictims, !refused.isEmpty());
    }

    /**
     * The accounts as a script's result line says them: {@code 2 units sold, 1 existed; stock now 0} for one
     * product; each product's so, named, for several.
     */
    private static String accounts(Map<String, Long> existed, Map<String, Long> sold, Map<String, Long> stockAfter) {
        List<String> products = new ArrayList<>();
        for (String product : sold.keySet()) {
            products.add((sold.size() == 1 ? "" : "of '" + product + "', ") + sold.get(product) + " units sold, "
                    + existed.getOrDefault(product, 0L) + " existed; stock now " + stockAfter.get(product));
        }
        return String.join("; ", products);
    }

    private static long total(Map<String, Long> units) {
        return units.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <T> List<T> without(List<T> list, List<Integer> indexes) {
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!indexes.contains(i)) {
                kept.add(list.get(i));
            }
        }
        return kept;
    }
}
