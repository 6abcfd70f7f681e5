package dev.oversell.properties.database.jdbc;

import dev.oversell.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two calls' threads count as waiting in the JVM for one another ({@link JvmWaits#quiet}): a call blocked on
 * a monitor another call holds does; a call blocked on the gate's own monitor does not, whoever holds it, since it
 * only waits to tell the gate something. Seen in a whole-suite run: T2, telling the gate it had opened a
 * connection while T1 told it something else, was taken for a call waiting for another, which turned the plan's
 * exploration into another one (every call's start a choice, nothing pruned) and changed its count from run to run.
 */
class JvmWaitsTest {

    private final StatementGate gate = new StatementGate(null, Engine.H2, null, Duration.ofSeconds(5));
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void letGo() throws InterruptedException {
        release.countDown();
        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Test
    void aCallBlockedOnTheGatesOwnMonitorIsAtWorkWhoeverHoldsIt() throws InterruptedException {
        List<Thread> threads = holderAndBlocked(gate);
        assertThat(JvmWaits.quiet(gate, transactions(), threads, Set.of()))
                .as("T2 waits to enter the gate's monitor, which T1 holds for a moment: the gate at work")
                .isFalse();
    }

    @Test
    void aCallBlockedOnAMonitorAnotherCallHoldsWaitsForIt() throws InterruptedException {
        Object service = new Object(); // a synchronized service's monitor
        List<Thread> threads = holderAndBlocked(service);
        assertThat(JvmWaits.quiet(gate, transactions(), threads, Set.of()))
                .as("T2 waits for the service's monitor, which T1 holds: a wait only T1 can end")
                .isTrue();
    }

    private List<ScheduledTransaction> transactions() {
        return List.of(new ScheduledTransaction(1, gate), new ScheduledTransaction(2, gate));
    }

    /** T1 holds {@code monitor} and waits for the test's end; T2 is blocked entering {@code monitor}. */
    private List<Thread> holderAndBlocked(Object monitor) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = start("T1", () -> {
            synchronized (monitor) {
                held.countDown();
                awaitRelease();
            }
        });
        assertThat(held.await(5, TimeUnit.SECONDS)).as("T1 took the monitor").isTrue();
        Thread blocked = start("T2", () -> {
            synchronized (monitor) {
                awaitRelease();
            }
        });
        awaitState(holder, Thread.State.WAITING);
        awaitState(blocked, Thread.State.BLOCKED);
        return List.of(holder, blocked);
    }

    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, "jvm-waits-" + name);
        thread.setDaemon(true);
        started.add(thread);
        thread.start();
        return thread;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, bounded, until {@code thread} is in {@code state}: a state change, not a length of time. */
    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != state) {
            assertThat(System.nanoTime()).as(thread.getName() + " never reached " + state + "; it is "
                    + thread.getState()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
