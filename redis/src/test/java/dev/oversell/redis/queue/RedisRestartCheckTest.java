package dev.oversell.redis.queue;

import dev.oversell.judge.Finding;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.redis.RedisProcess;
import dev.oversell.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart check's own promises, on H2, the run's Redis and RabbitMQ: with T1's order still in the queue, a reset
 * of Redis from the database at once sells the unit twice; a reset after the queue is written out sells it once;
 * no reconciliation stops the sale, and says so.
 */
class RedisRestartCheckTest {

    private static Database h2;
    private static Optional<RedisProcess> own;

    @BeforeAll
    static void servers() {
        h2 = QueueCheckServers.h2();
        own = RedisProcess.startIfInstalled();
    }

    @AfterAll
    static void stopOwnServer() {
        own.ifPresent(RedisProcess::close);
    }

    @Test
    void aResetAtOnceGivesTheInFlightUnitBackToTheSale() {
        RedisRestartCheck.Run run = RedisRestartCheck.run(QueueCheckServers.design("redis-queue-reset-from-database"), h2, own);
        assertThat(run.struck()).isTrue();
        assertThat(run.told()).as("T2, after the reset").isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(run.orders()).isEqualTo(2);
        assertThat(run.stockAfter()).isEqualTo(-1);
        assertThat(run.finding()).isEqualTo(Finding.OVERSOLD);
    }

    @Test
    void aResetAfterTheOrdersAreWrittenSellsTheUnitOnce() {
        RedisRestartCheck.Run run = RedisRestartCheck.run(QueueCheckServers.design("redis-queue-reset-after-orders-written"), h2, own);
        assertThat(run.struck()).isTrue();
        assertThat(run.told()).isInstanceOf(PurchaseResult.OutOfStock.class);
        assertThat(run.orders()).isEqualTo(1);
        assertThat(run.stockAfter()).isZero();
        assertThat(run.finding()).isEqualTo(Finding.HELD);
        assertThat(run.note()).isNull();
    }

    @Test
    void noReconciliationStopsTheSaleAndSaysSo() {
        RedisRestartCheck.Run run = RedisRestartCheck.run(QueueCheckServers.design("redis-queue-idempotent-consumer"), h2, own);
        assertThat(run.struck()).isTrue();
        assertThat(run.told()).as("refused as an unknown product").isNull();
        assertThat(run.orders()).isEqualTo(1);
        assertThat(run.finding()).isEqualTo(Finding.HELD);
        assertThat(run.note()).contains("T2 was refused, the sale stopped");
    }

    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
