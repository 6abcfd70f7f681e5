package dev.oversell.actor;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupervisionTest extends ActorTestSupport {

    @Test
    void aFailingHandlerFailsThatMessagesReplyWithTheCause() {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CompletableFuture<Integer> crashed = actor.ask(CounterBehavior.Crash::new, TIMEOUT);
        assertThatThrownBy(() -> crashed.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ActorFailedException.class)
                .hasRootCauseMessage("boom");
    }

    @Test
    void resumeKeepsTheStateAndGoesOn() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        increment(actor).get(5, TimeUnit.SECONDS);
        increment(actor).get(5, TimeUnit.SECONDS);
        actor.ask(CounterBehavior.Crash::new, TIMEOUT).exceptionally(e -> -1).get(5, TimeUnit.SECONDS);
        assertThat(increment(actor).get(5, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void restartRebuildsTheStateFromTheFactory() throws Exception {
        AtomicInteger built = new AtomicInteger();
        var actor = system.spawn("counter", () -> {
            built.incrementAndGet();
            return new CounterBehavior();
        }, SupervisionPolicy.RESTART);
        increment(actor).get(5, TimeUnit.SECONDS);
        increment(actor).get(5, TimeUnit.SECONDS);
        actor.ask(CounterBehavior.Crash::new, TIMEOUT).exceptionally(e -> -1).get(5, TimeUnit.SECONDS);
        assertThat(increment(actor).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(built).hasValue(2);
    }

    @Test
    void stopFailsTheFailedMessageAndEveryPendingOneAndRefusesNewOnes() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.STOP);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> held = hold(actor, release);
        CompletableFuture<Integer> crash = actor.ask(CounterBehavior.Crash::new, TIMEOUT);
        CompletableFuture<Integer> pending1 = increment(actor);
        CompletableFuture<Integer> pending2 = increment(actor);
        release.countDown();

        assertThat(held.get(5, TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> crash.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ActorFailedException.class);
        for (CompletableFuture<Integer> pending : java.util.List.of(pending1, pending2)) {
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ActorStoppedException.class).hasRootCauseMessage("boom");
        }
        actor.terminated().get(5, TimeUnit.SECONDS);
        assertThat(actor.isStopped()).isTrue();
        assertThatThrownBy(() -> increment(actor)).isInstanceOf(ActorStoppedException.class);
    }
}
