package dev.oversell.stress.scenarios;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hang watch prints of a real deadlock: two threads of this JVM each holding the lock the other waits for
 * (interruptible locks, so that the test ends them afterwards), found by the JVM as the watch finds them.
 */
class HangWatchTest {

    @Test
    void aDeadlockIsDescribedAsWhoHoldsWhatAndWaitsForWhat() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread first = lockBoth("first-buyer", a, b, bothHoldOne);
        Thread second = lockBoth("second-buyer", b, a, bothHoldOne);
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] deadlocked = null;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (deadlocked == null && System.nanoTime() < giveUp) {
                deadlocked = threads.findDeadlockedThreads();
                Thread.onSpinWait();
            }
            assertThat(deadlocked).as("the JVM names the two threads within 10 s").isNotNull().hasSize(2);
            ThreadInfo[] cycle = threads.getThreadInfo(deadlocked, true, true);

            List<String> lines = HangWatch.describe(cycle);

            assertThat(lines.get(0)).isEqualTo("deadlock: 2 calls wait for each other, and none will ever answer");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("thread 'first-buyer' holds ReentrantLock$NonfairSync@")
                    .contains("and waits for ReentrantLock$NonfairSync@").endsWith("held by thread 'second-buyer'"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("thread 'second-buyer' holds")
                    .endsWith("held by thread 'first-buyer'"));
            assertThat(lines).as("the frames shown are the design's, not the JDK's")
                    .anySatisfy(line -> assertThat(line).startsWith("    at " + HangWatchTest.class.getName()))
                    .noneSatisfy(line -> assertThat(line).startsWith("    at java."));
        } finally {
            first.interrupt();
            second.interrupt();
            first.join(TimeUnit.SECONDS.toMillis(10));
            second.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static Thread lockBoth(String name, ReentrantLock one, ReentrantLock other, CountDownLatch bothHoldOne) {
        Thread thread = new Thread(() -> {
            try {
                one.lockInterruptibly();
                try {
                    bothHoldOne.countDown();
                    bothHoldOne.await();
                    other.lockInterruptibly();
                    other.unlock();
                } finally {
                    one.unlock();
                }
            } catch (InterruptedException ended) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
