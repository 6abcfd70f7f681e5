package dev.oversell.actor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A test actor: a plain counter that can also crash or hold its turn until released. */
final class CounterBehavior implements Behavior<CounterBehavior.Message> {

    sealed interface Message extends AwaitsReply {
    }

    record Increment(Reply<Integer> replyTo) implements Message {
    }

    record Crash(Reply<Integer> replyTo) implements Message {
    }

    /** Holds the actor's turn: counts {@code entered} down, then waits (bounded) for {@code release}. */
    record Hold(CountDownLatch entered, CountDownLatch release, Reply<Integer> replyTo) implements Message {
    }

    private final AtomicInteger inside;
    private int count; // plain field on purpose: the runtime must make it safe

    CounterBehavior(AtomicInteger inside) {
        this.inside = inside;
    }

    CounterBehavior() {
        this(new AtomicInteger());
    }

    @Override
    public void receive(Message message) throws InterruptedException {
        if (inside.incrementAndGet() != 1) {
            throw new AssertionError("two handlers of one actor ran at once");
        }
        try {
            if (message instanceof Increment increment) {
                increment.replyTo().complete(++count);
            } else if (message instanceof Crash) {
                throw new IllegalStateException("boom");
            } else if (message instanceof Hold hold) {
                hold.entered().countDown();
                if (!hold.release().await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("test never released the held turn");
                }
                hold.replyTo().complete(count);
            }
        } finally {
            inside.decrementAndGet();
        }
    }
}
