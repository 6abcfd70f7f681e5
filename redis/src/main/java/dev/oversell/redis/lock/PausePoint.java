package dev.oversell.redis.lock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The program point between a lock design's read and its write, where the check pauses one purchase: the holder of
 * the lock stops there, as a process stops in a long GC pause, until the check lets it go on. Armed for one request
 * id; every other purchase passes through. The wait is bounded ({@link #BOUND}): a purchase never hangs a check.
 */
public final class PausePoint {

    /** The longest a purchase waits at the point. */
    public static final Duration BOUND = Duration.ofSeconds(30);
    /** Nothing armed: every purchase passes. */
    public static final PausePoint NONE = new PausePoint(null);

    private final String armedFor;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    private PausePoint(String armedFor) {
        this.armedFor = armedFor;
    }

    /** A point that stops the purchase of {@code requestId}. */
    public static PausePoint armedFor(String requestId) {
        return new PausePoint(requestId);
    }

    /** Called by the design between its read and its write. */
    public void between(String requestId) {
        if (armedFor == null || !armedFor.equals(requestId) || reached.getCount() == 0) {
            return;
        }
        reached.countDown();
        try {
            resume.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (at most {@code wait}) until the armed purchase stands at the point. */
    public boolean awaitReached(Duration wait) throws InterruptedException {
        return reached.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the armed purchase go on. */
    public void resume() {
        resume.countDown();
    }
}
