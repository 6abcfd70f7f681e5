package dev.oversell.properties.database;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.store.PurchaseScript;
import dev.oversell.store.PurchaseSteps;
import dev.oversell.store.Step;
import dev.oversell.store.Tx;

import java.util.List;
import java.util.Objects;

/**
 * One party of a schedule: the call it makes into the inventory, as the steps the {@link ScheduleRunner} gate
 * hands over one at a time. A purchase is its design's whole purchase ({@link PurchaseSteps}); a restock is the
 * design's single atomic restock statement.
 */
public sealed interface ScheduledCall {

    /** The steps, in order, as the design runs them. */
    List<Step> steps();

    /** The product the call is about. */
    String product();

    /** What the call does, for script headers. */
    String describe();

    /**
     * A purchase of {@code request} by {@code script}; if the engine aborts it, it is retried (or, fenced out,
     * re-routed) after the schedule by {@code retry}, as the design itself would.
     */
    record Purchase(PurchaseRequest request, PurchaseScript script, PurchaseScript retry) implements ScheduledCall {
        public Purchase {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(retry, "retry");
        }

        public Purchase(PurchaseRequest request, PurchaseScript script) {
            this(request, script, script);
        }

        @Override
        public List<Step> steps() {
            return PurchaseSteps.of(script);
        }

        @Override
        public String product() {
            return request.product();
        }

        @Override
        public String describe() {
            return "buys " + request.quantity() + " of '" + request.product() + "' (request id " + request.requestId() + ")";
        }
    }

    /** A restock of {@code units} of {@code product} by {@code script}'s restock statement (autocommit). */
    record Restock(String product, long units, PurchaseScript script) implements ScheduledCall {

        /** Where the restock step leaves the rows it changed (1: applied). */
        static final String CHANGED = "restocked rows";

        public Restock {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(script, "script");
            if (units <= 0) {
                throw new IllegalArgumentException("a restock adds at least one unit");
            }
        }

        @Override
        public List<Step> steps() {
            return List.of(new Step("add stock", this::add));
        }

        @Override
        public String describe() {
            return "restocks " + units + " of '" + product + "'";
        }

        private void add(Tx tx) throws java.sql.SQLException {
            tx.remember(CHANGED, script.restock(tx, product, units));
        }
    }
}
