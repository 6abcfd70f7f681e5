package dev.oversell.stress.runtime;

import dev.oversell.actor.ActorSystem;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The actor system these tests share (2 pool threads, so that turns do move between threads). */
final class RuntimeUnderTest {

    static final ActorSystem SYSTEM = new ActorSystem("jcstress", 2);

    private RuntimeUnderTest() {
    }

    /** Waits (bounded) for the handlers; the count of those that ran. */
    static int handled(CountDownLatch latch, int expected) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return expected - (int) latch.getCount();
    }
}
