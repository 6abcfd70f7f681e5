package dev.oversell.actor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AskTest extends ActorTestSupport {

    @Test
    void anAskTimesOutWithAClearErrorButTheMessageIsStillHandled() throws Exception {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        CountDownLatch release = new CountDownLatch(1);
        hold(actor, release);
        CompletableFuture<Integer> late = actor.ask(CounterBehavior.Increment::new, Duration.ofMillis(50));

        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AskTimeoutException.class)
                .hasMessageContaining("within 50 ms")
                .hasMessageContaining("may still be handled");
        release.countDown();
        // the timed-out increment was not cancelled: this one counts second
        assertThat(increment(actor).get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void anAskNeedsAPositiveTimeout() {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        assertThatThrownBy(() -> actor.ask(CounterBehavior.Increment::new, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actor.ask(CounterBehavior.Increment::new, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anAskMessageMustCarryTheReplyItWasGiven() {
        var actor = system.spawn("counter", CounterBehavior::new, SupervisionPolicy.RESUME);
        assertThatThrownBy(() -> actor.<Integer>ask(ignored -> new CounterBehavior.Increment(new Reply<>()), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
