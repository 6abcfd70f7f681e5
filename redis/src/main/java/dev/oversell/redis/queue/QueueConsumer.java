package dev.oversell.redis.queue;

/** A running consumer of a queue design, as the queue check drives it. */
public interface QueueConsumer extends AutoCloseable {

    /** Waits (at most {@code millis}) until the consumer stopped after a write it never acknowledged. */
    boolean awaitDeath(long millis) throws InterruptedException;

    /** Waits (at most {@code millis}) until the consumer acknowledged one more message. */
    default boolean awaitAcknowledged(long millis) throws InterruptedException {
        return awaitAcknowledged(1, millis);
    }

    /** Waits (at most {@code millis}) until the consumer acknowledged {@code messages} more messages. */
    boolean awaitAcknowledged(int messages, long millis) throws InterruptedException;

    /** Kills the consumer's connection at once, as its process dying would. */
    void kill();

    @Override
    void close();
}
