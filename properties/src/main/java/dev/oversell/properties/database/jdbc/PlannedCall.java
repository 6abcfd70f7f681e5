package dev.oversell.properties.database.jdbc;

import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One party of a schedule (T1, T2, ...): the call it makes into one of the design's instances, as the design's
 * own code; the statement gate schedules whatever that code sends.
 */
public sealed interface PlannedCall {

    /**
     * Makes the call; the answer is a {@link PurchaseResult}, a {@link FencedOut}, {@link #RESTOCKED} or, for an
     * order, a {@link dev.oversell.model.OrderResult}.
     */
    Object call(List<Inventory> instances) throws Exception;

    /** The same call on the specification, which answers as a sequential inventory must. */
    Object callOn(SequentialInventory specification);

    /** What the call does, for script headers. */
    String describe();

    /** What the call is, in a word, for the script's notes: {@code purchase}, {@code restock}, {@code order}. */
    String noun();

    /** A restock's answer: the units were added. */
    String RESTOCKED = "restocked";

    /**
     * A purchase's answer when the instance it went to was fenced out: the router sends it to instance
     * {@code goesTo}, which runs it after the purchase in flight there (a single owner handles one purchase at
     * a time), so the runner makes that call once the schedule is over.
     */
    record FencedOut(PurchaseRequest request, int goesTo) {
    }

    /**
     * A purchase of {@code request} through instance {@code instance}; a purchase fenced out (the instance no
     * longer owns the product) is sent again to instance {@code fencedOutGoesTo}, as a router would, if that is
     * not -1 ({@link FencedOut}).
     */
    record Buy(int instance, PurchaseRequest request, int fencedOutGoesTo) implements PlannedCall {
        public Buy {
            Objects.requireNonNull(request, "request");
        }

        public Buy(PurchaseRequest request) {
            this(0, request, -1);
        }

        @Override
        public Object call(List<Inventory> instances) {
            try {
                return instances.get(instance).buy(request);
            } catch (RuntimeException e) {
                if (fencedOutGoesTo < 0 || !(e.getCause() instanceof dev.oversell.script.FencedOut)) {
                    throw e;
                }
                return new FencedOut(request, fencedOutGoesTo);
            }
        }

        @Override
        public Object callOn(SequentialInventory specification) {
            return specification.buy(request);
        }

        @Override
        public String noun() {
            return "purchase";
        }

        @Override
        public String describe() {
            return "buys " + request.quantity() + " of '" + request.product() + "' (request id " + request.requestId()
                    + ")" + (instance > 0 ? " through instance " + (instance + 1) : "");
        }
    }

    /** A restock of {@code units} of {@code product} through the first instance. */
    record Restock(String product, long units) implements PlannedCall {
        public Restock {
            Objects.requireNonNull(product, "product");
            if (units <= 0) {
                throw new IllegalArgumentException("a restock adds at least one unit");
            }
        }

        @Override
        public Object call(List<Inventory> instances) {
            instances.get(0).restock(product, units);
            return RESTOCKED;
        }

        @Override
        public Object callOn(SequentialInventory specification) {
            specification.restock(product, units);
            return RESTOCKED;
        }

        @Override
        public String noun() {
            return "restock";
        }

        @Override
        public String describe() {
            return "restocks " + units + " of '" + product + "'";
        }
    }

    /**
     * An order of several lines, all or nothing, through instance {@code instance}, which must take orders
     * ({@link OrderInventory}); one that does not is an error of the plan's choice, never of the design.
     */
    record Place(int instance, Order order) implements PlannedCall {
        public Place {
            Objects.requireNonNull(order, "order");
        }

        public Place(Order order) {
            this(0, order);
        }

        @Override
        public Object call(List<Inventory> instances) {
            if (!(instances.get(instance) instanceof OrderInventory orders)) {
                throw new IllegalStateException("a plan of orders was run on a design that does not take orders ("
                        + instances.get(instance).getClass().getName() + " is no OrderInventory)");
            }
            return orders.place(order);
        }

        @Override
        public Object callOn(SequentialInventory specification) {
            return specification.place(order);
        }

        @Override
        public String noun() {
            return "order";
        }

        @Override
        public String describe() {
            return "orders " + order.lines().stream().map(line -> line.quantity() + " of '" + line.product() + "'")
                    .collect(Collectors.joining(" then ")) + " (request id " + order.requestId() + ")"
                    + (instance > 0 ? " through instance " + (instance + 1) : "");
        }
    }
}
