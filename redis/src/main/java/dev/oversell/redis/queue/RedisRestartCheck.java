package dev.oversell.redis.queue;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.FaultRuns;
import dev.oversell.redis.RedisProcess;
import dev.oversell.redis.RedisSettings;
import dev.oversell.store.Database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A queue design when Redis restarts with an order in flight: T1 buys the last unit (taken in Redis, its order
 * published, the consumer not yet running: it lags); Redis restarts with no persistence and forgets the store;
 * the design's {@link Reconciler} runs (it may wait for the orders in flight, which starts the consumer); T2 buys;
 * the consumer writes what was published. Judged, as the other queue faults, on the database's accounts against
 * what the buyers were told: a reconciliation that hands the in-flight unit back to the sale is caught
 * {@link Finding#OVERSOLD}.
 *
 * <p>The restart is real where this machine has a {@code redis-server} binary (every development and CI machine: the
 * set-up script installs it): the run's store is in a {@link RedisProcess} of the check's own, started with the
 * servers' settings ({@code save ""}, {@code appendonly no}) and stopped and started again with the order in flight,
 * so every client's connection drops and reconnects. Without the binary (a machine pointed at a Redis elsewhere) the
 * restart is simulated, as the cell says: the store's keys are deleted, which is what such a restart leaves of them,
 * and the connections stay up. {@value #RUNS} runs per engine, the same schedule each time; a run in which T1 was not
 * told "purchased" has no order in flight and is not counted.
 */
public final class RedisRestartCheck {

    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(10);

    private RedisRestartCheck() {
    }

    /** What one run showed; {@code told} T2's answer, null when it was refused as an unknown product. */
    record Run(boolean struck, PurchaseResult told, long stockAfter, long unitsInOrders, long orders, String why)
            implements QueueAccounts {

        @Override
        public long attempted() {
            return 2;
        }

        /** Units the buyers were told they bought: T1's one, and T2's if it was told so. */
        @Override
        public long toldUnits() {
            return 1 + (told instanceof PurchaseResult.Purchased p ? p.quantity() : 0);
        }

        @Override
        public String note() {
            return told == null ? "after the restart the front no longer knew the product: T2 was refused, the sale"
                    + " stopped" : null;
        }

        @Override
        public String story() {
            return "1 unit in stock; T1 bought it (taken in Redis, its order published, the consumer not yet running);"
                    + " Redis restarted and forgot the store; the design reconciled; T2 was "
                    + (told == null ? "refused (unknown product)" : "told " + told) + "; the consumer wrote what was"
                    + " published: the database holds " + orders + " orders of " + unitsInOrders + " units, stock "
                    + stockAfter;
        }
    }

    /** The design's observation on {@code database}'s engine. */
    public static Observation observe(QueueDesign design, Database database, String reproduce) {
        List<Run> runs = new ArrayList<>();
        Optional<RedisProcess> own = RedisProcess.startIfInstalled();
        try {
            for (int r = 0; r < RUNS; r++) {
                runs.add(run(design, database, own));
            }
        } finally {
            own.ifPresent(RedisProcess::close);
        }
        return FaultRuns.observation(design.name(), Observation.Family.QUEUE_FAULTS, "Redis restarted, an order in flight",
                database.engine().label(), database.versionAndSettings() + "; " + RabbitBroker.version()
                        + own.map(server -> "; " + server.describe()).orElse(""), runs,
                own.isPresent() ? "runs with Redis restarted (stopped and started, its store gone, every connection"
                        + " dropped) while an order was in the queue"
                        : "runs with Redis's restart simulated (its keys deleted, the connections kept: no"
                        + " redis-server here to restart) while an order was in the queue", reproduce);
    }

    /** One run, its store in {@code own} (restarted for real) if given, else in the configured Redis (simulated). */
    static Run run(QueueDesign design, Database database, Optional<RedisProcess> own) {
        QueueConsumer[] consumer = new QueueConsumer[1];
        try (QueueRun run = QueueRun.open(design, database, own.map(RedisProcess::uri).orElse(RedisSettings.uri()));
             Inventory front = run.front(KillPoint.NONE)) {
            Runnable restart = own.<Runnable>map(server -> server::restart).orElse(run::forgetInRedis);
            try {
                if (!(front.buy(PurchaseRequest.of("T1", QueueRun.PRODUCT, 1)) instanceof PurchaseResult.Purchased)) {
                    return new Run(false, null, -1, -1, -1, "T1 was not told \"purchased\": no order in flight");
                }
                restart.run(); // Redis keeps nothing: save "", appendonly no
                int[] written = {0};
                Reconciler.OrdersInFlight inFlight = () -> {
                    consumer[0] = run.consumer(id -> false);
                    written[0] = 1;
                    return consumer[0].awaitAcknowledged(1, BOUND.toMillis());
                };
                design.reconciler().reconcile(run.seeder, run.keys, database.dataSource(), run.stockTable, inFlight);
                PurchaseResult told;
                try {
                    told = front.buy(PurchaseRequest.of("T2", QueueRun.PRODUCT, 1));
                } catch (UnknownProductException forgotten) {
                    told = null;
                }
                if (consumer[0] == null) {
                    consumer[0] = run.consumer(id -> false);
                }
                int published = 1 + (told instanceof PurchaseResult.Purchased ? 1 : 0);
                if (!consumer[0].awaitAcknowledged(published - written[0], BOUND.toMillis())) {
                    return new Run(false, told, -1, -1, -1, "the consumer did not write the " + published
                            + " orders published within " + BOUND.toMillis() + " ms");
                }
                return new Run(true, told, run.stockInDatabase(), run.unitsInOrders(), run.orders(), null);
            } finally {
                if (consumer[0] != null) {
                    consumer[0].close();
                }
            }
        } catch (Exception e) {
            throw QueueRun.failed(design, database, e);
        }
    }
}
