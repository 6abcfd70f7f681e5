package dev.oversell.redis.queue;

import dev.oversell.judge.Finding;
import dev.oversell.redis.FaultRuns;

/**
 * What a queue check's run reads of the database after it, judged the same way by every queue fault: the one unit
 * of {@link QueueRun#PRODUCT} that existed, the units in orders and the stock left, against the units the buyers were
 * told they bought. More units in orders than existed is {@link Finding#OVERSOLD}; orders and answers that disagree
 * otherwise, or stock and orders that do not add up to the unit, a {@link Finding#LOST_UPDATE}.
 */
interface QueueAccounts extends FaultRuns.Run {

    /** The database's stock of the product after the run. */
    long stockAfter();

    /** Units in the orders table after the run. */
    long unitsInOrders();

    /** Units the buyers were told they bought. */
    long toldUnits();

    @Override
    default long sold() {
        return unitsInOrders();
    }

    @Override
    default long oversoldUnits() {
        return Math.max(0, unitsInOrders() - 1);
    }

    @Override
    default Finding finding() {
        if (unitsInOrders() > 1) {
            return Finding.OVERSOLD;
        }
        return unitsInOrders() != toldUnits() || stockAfter() + unitsInOrders() != 1 ? Finding.LOST_UPDATE : Finding.HELD;
    }
}
