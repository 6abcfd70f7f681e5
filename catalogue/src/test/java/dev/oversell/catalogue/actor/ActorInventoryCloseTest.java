package dev.oversell.catalogue.actor;

import dev.oversell.actor.ActorSystem;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ActorInventory#close()} closes the state its actor owns only once the actor has terminated: never
 * under a handler still running, and nothing touches the state after. Turns run on a direct executor, so the
 * purchase's turn runs on the buyer's thread and the test knows when it has ended.
 */
class ActorInventoryCloseTest {

    private final ActorSystem direct = new ActorSystem("direct", Runnable::run);

    @AfterEach
    void closeSystem() {
        direct.close();
    }

    @Test
    void closesItsStateOnlyAfterTheHandlerInFlightReturned() throws Exception {
        GatedInventory state = new GatedInventory();
        ActorInventory inventory = new ActorInventory(direct, state, Duration.ofSeconds(5));
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread buyer = new Thread(() -> {
            try {
                answer.set(inventory.buy(PurchaseRequest.of("r1", "p", 1)));
            } catch (RuntimeException failed) {
                answer.set(failed);
            }
        }, "buyer");
        buyer.start();
        assertThat(state.entered.await(5, TimeUnit.SECONDS)).as("the purchase's handler started").isTrue();

        inventory.close();
        assertThat(state.closes.get()).as("state closes while the purchase's handler still runs").isZero();
        state.release.countDown();
        buyer.join(10_000);

        assertThat(buyer.isAlive()).as("buyer still waiting 10 s after the handler was released").isFalse();
        assertThat(answer.get()).isEqualTo(new PurchaseResult.Purchased("r1", "p", 1));
        assertThat(state.closes.get()).as("state closes once the actor terminated").isEqualTo(1);
        assertThat(state.closedWhileInside).as("state closed while a handler was inside it").isFalse();
        assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r2", "p", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        assertThat(state.calledAfterClose).as("state used after it was closed").isFalse();
    }

    /** An in-memory inventory whose first purchase waits (bounded) until released, and which records its close. */
    private static final class GatedInventory implements Inventory {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean closedWhileInside;
        volatile boolean calledAfterClose;
        private final AtomicInteger inside = new AtomicInteger();
        private final Inventory inner = new SequentialInventory(Map.of("p", 10L));

        @Override
        public PurchaseResult buy(PurchaseRequest request) {
            enter();
            try {
                entered.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the test never released the purchase");
                }
                return inner.buy(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while held", e);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public long stock(String product) {
            enter();
            try {
                return inner.stock(product);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void restock(String product, long units) {
            enter();
            try {
                inner.restock(product, units);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void close() {
            if (inside.get() > 0) {
                closedWhileInside = true;
            }
            closes.incrementAndGet();
        }

        private void enter() {
            if (closes.get() > 0) {
                calledAfterClose = true;
            }
            inside.incrementAndGet();
        }
    }
}
