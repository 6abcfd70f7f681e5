package dev.oversell.redis.queue;

import dev.oversell.catalogue.redis.queue.OrderConsumer;
import dev.oversell.catalogue.redis.queue.ReservedInRedisThenQueued;
import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue check's own promises, on H2, the run's Redis and RabbitMQ: the killed consumer's order is delivered
 * again; a consumer that writes every delivery leaves two orders of the last unit; an idempotent one leaves one; a
 * run in which nobody died before acknowledging is not checked; no key is left behind.
 */
class ConsumerKillCheckTest {

    private static Database h2;

    @BeforeAll
    static void servers() {
        h2 = QueueCheckServers.h2();
    }

    @Test
    void aConsumerThatWritesEveryDeliveryWritesTheRedeliveredOrderAgain() {
        ConsumerKillCheck.Run run = ConsumerKillCheck.run(QueueCheckServers.design("redis-queue-plain-consumer"), h2);
        assertThat(run.struck()).isTrue();
        assertThat(run.told()).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(run.orders()).as("the order, and its redelivery written again").isEqualTo(2);
        assertThat(run.stockAfter()).isEqualTo(-1);
        assertThat(run.finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(run.story()).contains("the database holds 2 orders of 2 units, stock -1");
    }

    @Test
    void anIdempotentConsumerAcknowledgesTheRedeliveredOrderWithoutWritingIt() {
        ConsumerKillCheck.Run run = ConsumerKillCheck.run(QueueCheckServers.design("redis-queue-idempotent-consumer"), h2);
        assertThat(run.struck()).isTrue();
        assertThat(run.orders()).isEqualTo(1);
        assertThat(run.stockAfter()).isZero();
        assertThat(run.finding()).isEqualTo(Finding.HELD);
    }

    /** A consumer that acknowledges every order never leaves one to be delivered again: nothing about redelivery. */
    @Test
    void aRunWithoutARedeliveryIsNotCheckedNeverHeld() {
        QueueDesign neverDies = new QueueDesign("never-dies", OrderConsumer.class, ReservedInRedisThenQueued::new,
                new QueueDesign.Consumer() {
                    @Override
                    public String ordersTableDdl(String table) {
                        return OrderConsumer.ordersTableDdl(table, true);
                    }

                    @Override
                    public QueueConsumer start(com.rabbitmq.client.ConnectionFactory brokers, String queue,
                                               javax.sql.DataSource dataSource, String stockTable, String ordersTable,
                                               java.util.function.Predicate<String> dieAfterWriting) {
                        return new OrderConsumer(true, brokers, queue, dataSource, stockTable, ordersTable, id -> false);
                    }
                }, Claim.NEVER_OVERSELLS, "acknowledges every order");
        Observation observed = ConsumerKillCheck.observe(neverDies, h2, "rerun", Duration.ofMillis(500));
        assertThat(observed.coverage()).isInstanceOf(Coverage.NotChecked.class);
        assertThat(observed.finding()).isNull();
        assertThat(ConsumerKillCheck.judge(neverDies, List.of(observed))).isPresent();
    }

    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
