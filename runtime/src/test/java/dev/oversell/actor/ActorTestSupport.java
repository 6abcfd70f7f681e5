package dev.oversell.actor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Shared by the actor runtime tests: a system per test and a way to hold an actor busy. */
abstract class ActorTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    final ActorSystem system = new ActorSystem("test", 2);

    @org.junit.jupiter.api.AfterEach
    void closeSystem() {
        system.close();
    }

    static CompletableFuture<Integer> increment(ActorRef<CounterBehavior.Message> actor) {
        return actor.ask(CounterBehavior.Increment::new, TIMEOUT);
    }

    /** Makes the actor busy until {@code release} is counted down; returns once its handler is running. */
    static CompletableFuture<Integer> hold(ActorRef<CounterBehavior.Message> actor, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Integer> held = actor.ask(reply -> new CounterBehavior.Hold(entered, release, reply), TIMEOUT);
        if (!entered.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the actor never started the held message");
        }
        return held;
    }
}
