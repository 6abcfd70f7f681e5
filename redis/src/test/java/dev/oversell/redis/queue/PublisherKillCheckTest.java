package dev.oversell.redis.queue;

import dev.oversell.catalogue.redis.queue.QueueDesigns;
import dev.oversell.judge.Finding;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher-kill check's own promises, on H2, the run's Redis and RabbitMQ: the front killed between its Redis
 * decrement and its publish leaves the unit taken in Redis and no order; the next buyer is told out of stock; the
 * database's accounts hold and the stranded unit is counted and named.
 */
class PublisherKillCheckTest {

    private static Database h2;

    @BeforeAll
    static void servers() {
        h2 = QueueCheckServers.h2();
    }

    @Test
    void theKilledFrontsUnitIsTakenInRedisAndNeverOrdered() {
        for (QueueDesign design : QueueDesigns.all()) {
            PublisherKillCheck.Run run = PublisherKillCheck.run(design, h2);
            assertThat(run.struck()).as(design.name()).isTrue();
            assertThat(run.told()).as("T2, after T1's front died with the last unit taken")
                    .isInstanceOf(PurchaseResult.OutOfStock.class);
            assertThat(run.redisStock()).isZero();
            assertThat(run.orders()).isZero();
            assertThat(run.stockAfter()).as("the database still has the unit").isEqualTo(1);
            assertThat(run.finding()).isEqualTo(Finding.HELD);
            assertThat(run.stranded()).isEqualTo(1);
            assertThat(run.note()).contains("1 unit taken in Redis never became an order (stranded");
            assertThat(run.story()).contains("Redis holds 0: 1 unit stranded");
        }
    }

    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
