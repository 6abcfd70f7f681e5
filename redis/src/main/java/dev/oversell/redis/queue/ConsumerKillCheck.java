package dev.oversell.redis.queue;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.FaultRuns;
import dev.oversell.store.Database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A queue design under the fault that redelivers: one buyer buys the last unit through the front (taken in Redis,
 * the order queued); the consumer writes the order to the database, commits, and is killed before it acknowledges
 * (its connection aborted, as its process dying would); the broker delivers the order again, to the consumer started
 * in its place. Judged on the database's accounts (its stock and its orders: what the warehouse ships) against what
 * the buyer was told: more units in orders than existed is {@link Finding#OVERSOLD}; orders and answers that do not
 * agree otherwise, or stock and orders that do not add up, a {@link Finding#LOST_UPDATE}.
 *
 * <p>{@value #RUNS} runs per engine, the same schedule each time. A run in which the order was not delivered again
 * (the fault did not strike) proves nothing about redelivery: an engine with no such run is <em>not checked</em>.
 */
public final class ConsumerKillCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private ConsumerKillCheck() {
    }

    /** What one run showed. */
    record Run(boolean struck, PurchaseResult told, long stockAfter, long unitsInOrders, long orders, String why)
            implements QueueAccounts {

        @Override
        public long attempted() {
            return 1;
        }

        @Override
        public long toldUnits() {
            return told instanceof PurchaseResult.Purchased p ? p.quantity() : 0;
        }

        @Override
        public String story() {
            return "1 unit in stock; the buyer was told " + told + "; the consumer wrote the order and was killed before"
                    + " its ack; the order was delivered again to the consumer started in its place; the database"
                    + " holds " + orders + " orders of " + unitsInOrders + " units, stock " + stockAfter;
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        return observe(design, database, reproduce, BOUND);
    }

    /** As above, each wait of the run bounded by {@code bound}. */
    static Observation observe(QueueDesign design, Database database, String reproduce, Duration bound) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database, bound));
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "consumer killed before its ack",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version(), runs,
                "runs with the order delivered again after its consumer was killed between its commit and its ack",
                reproduce);
    }

    /** Why the observations disagree with the design's claim, or empty: the one judge's rule. */
    public static Optional<String> judge(QueueDesign design, List<Observation> observed) {
        return Judge.judge(design.name(), "the consumer killed before its ack, the front before its publish, Redis restarted",
                design.claim(), observed);
    }

    static Run run(QueueDesign design, Database database) {
        return run(design, database, BOUND);
    }

    static Run run(QueueDesign design, Database database, Duration bound) {
        try (QueueRun run = QueueRun.open(design, database);
             Inventory front = run.front(KillPoint.NONE);
             QueueConsumer first = run.consumer("T1"::equals)) {
            PurchaseResult told = front.buy(PurchaseRequest.of("T1", QueueRun.PRODUCT, 1));
            if (!first.awaitDeath(bound.toMillis())) {
                return new Run(false, told, -1, -1, -1, "no consumer died between writing the order and"
                        + " acknowledging it");
            }
            first.kill();
            try (QueueConsumer restarted = run.consumer(id -> false)) {
                if (!restarted.awaitAcknowledged(bound.toMillis())) {
                    return new Run(false, told, -1, -1, -1, "the broker did not deliver the order again within "
                            + bound.toMillis() + " ms");
                }
            }
            return new Run(true, told, run.stockInDatabase(), run.unitsInOrders(), run.orders(), null);
        } catch (InterruptedException | java.sql.SQLException e) {
            throw QueueRun.failed(design, database, e);
        }
    }
}
