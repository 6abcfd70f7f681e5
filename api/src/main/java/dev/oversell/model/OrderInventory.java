package dev.oversell.model;

/**
 * An {@link Inventory} that also takes orders of several products in one call, all or nothing, as a shop's
 * checkout decrements a map of SKUs in one transaction. A design that sells one product at a time implements
 * {@link Inventory} alone and needs no change; one that implements this is checked on orders too.
 *
 * <h2>Invariants, in addition to {@link Inventory}'s</h2>
 * <ol>
 *   <li><b>Never oversell any line:</b> for every product, the units sold by purchases and by placed orders never
 *       exceed its initial stock plus every unit restocked since.</li>
 *   <li><b>All or nothing:</b> an order is {@link OrderResult.Placed placed}, every line's units taken at once, or
 *       {@link OrderResult.Refused refused}, nothing taken. An order takes effect at one instant: no answer, and no
 *       stock left behind, ever shows some of its lines taken and not the others. A refusal names the first line, in the order's order, whose
 *       stock was short.</li>
 *   <li><b>Each order counted once:</b> an {@link Order} is applied at most once, whatever the number of times it
 *       is submitted. Orders and single purchases share one space of request ids: a resubmission with the same id
 *       and the same content gets the first answer back and changes nothing; the same id with different content
 *       (another order, or a single purchase) is a {@link RequestIdConflictException} and changes nothing.</li>
 * </ol>
 *
 * <h2>Errors</h2>
 * An invalid order cannot be built ({@link Order}); an order with an unknown product on any line is an
 * {@link UnknownProductException} and changes nothing, not even the other lines. Being refused is an answer, not
 * an error. How a design waits for the stock of several products (locks, a transaction) is its own business, but
 * a design that can wait forever (two orders locking the same products in opposite orders) breaks the contract:
 * a call must answer.
 *
 * <p>The sequential specification is {@code dev.oversell.model.reference.SequentialInventory}.
 */
public interface OrderInventory extends Inventory {

    /** Takes every line of {@code order} if every line's units are in stock; otherwise takes nothing. */
    OrderResult place(Order order);
}
