package dev.oversell.redis.queue;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.FaultRuns;
import dev.oversell.store.Database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue design under the fault that strands a unit: its front takes the last unit in Redis for buyer T1 and is
 * killed before it publishes the order ({@link KillPoint}: T1 gets no answer, nothing is queued); buyer T2 then buys
 * through a front started in its place, while the consumer runs. Judged, as {@link ConsumerKillCheck} judges, on the
 * database's accounts against what the buyers were told ({@link Finding#OVERSOLD}, {@link Finding#LOST_UPDATE},
 * {@link Finding#HELD}); and a unit taken in Redis that never became an order is counted and named, stranded: the
 * sale ends with it unsold in the database and gone from Redis, a loss no oversell check sees.
 *
 * <p>{@value #RUNS} runs per engine, the same schedule each time. A run in which the front was not killed at the
 * point (its purchase never reached it) proves nothing about the fault: an engine with no such run is not checked.
 */
public final class PublisherKillCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private PublisherKillCheck() {
    }

    /** What one run showed; {@code redisStock}: the stock Redis holds after the run. */
    record Run(boolean struck, PurchaseResult told, long redisStock, long stockAfter, long unitsInOrders, long orders,
               String why) implements QueueAccounts {

        @Override
        public long attempted() {
            return 2;
        }

        @Override
        public long toldUnits() {
            return told instanceof PurchaseResult.Purchased p ? p.quantity() : 0;
        }

        /** Units taken in Redis that no order in the database accounts for. */
        @Override
        public long stranded() {
            return Math.max(0, 1 - redisStock - unitsInOrders);
        }

        @Override
        public String note() {
            return stranded() == 0 ? null : stranded() + " unit taken in Redis never became an order (stranded: unsold"
                    + " in the database, gone from the sale)";
        }

        @Override
        public String story() {
            return "1 unit in stock; T1's front took it in Redis and was killed before publishing the order (T1 got no"
                    + " answer); T2, through a front started in its place, was told " + told + "; the database holds "
                    + orders + " orders of " + unitsInOrders + " units, stock " + stockAfter + "; Redis holds "
                    + redisStock + (stranded() == 0 ? "" : ": " + stranded() + " unit stranded");
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database));
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "publisher killed before its publish",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version(), runs,
                "runs with the front killed between its Redis decrement and its publish", reproduce);
    }

    static Run run(QueueDesign design, Database database) {
        try (QueueRun run = QueueRun.open(design, database); QueueConsumer consumer = run.consumer(id -> false)) {
            KillPoint kill = KillPoint.armedFor("T1");
            try (Inventory killed = run.front(kill)) {
                killed.buy(PurchaseRequest.of("T1", QueueRun.PRODUCT, 1));
            } catch (KillPoint.Killed expected) {
                // the front died here: no order, no answer
            }
            if (!kill.struck()) {
                return new Run(false, null, -1, -1, -1, -1, "T1's purchase never reached the point between its"
                        + " Redis decrement and its publish (told without taking a unit?)");
            }
            PurchaseResult told;
            try (Inventory restarted = run.front(KillPoint.NONE)) {
                told = restarted.buy(PurchaseRequest.of("T2", QueueRun.PRODUCT, 1));
            }
            if (told instanceof PurchaseResult.Purchased && !consumer.awaitAcknowledged(BOUND.toMillis())) {
                return new Run(false, told, -1, -1, -1, -1, "T2's order was not written within "
                        + BOUND.toMillis() + " ms");
            }
            return new Run(true, told, run.stockInRedis(), run.stockInDatabase(), run.unitsInOrders(), run.orders(),
                    null);
        } catch (InterruptedException | java.sql.SQLException e) {
            throw QueueRun.failed(design, database, e);
        }
    }
}
