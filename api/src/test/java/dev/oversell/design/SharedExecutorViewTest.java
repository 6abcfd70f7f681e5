package dev.oversell.design;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One instance's view of shared threads: its shutdown is its own; the threads and the other views run on. */
class SharedExecutorViewTest {

    @Test
    void shuttingAViewDownRefusesItsOwnTasksOnly() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            SharedExecutorView first = new SharedExecutorView(thread);
            SharedExecutorView second = new SharedExecutorView(thread);
            assertThat(first.submit(() -> Thread.currentThread()).get())
                    .as("both views run on the one shared thread").isSameAs(second.submit(Thread::currentThread).get());

            first.shutdown();

            assertThat(first.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(first.isTerminated()).isTrue();
            assertThatThrownBy(() -> first.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
            assertThat(second.submit(() -> 2).get()).as("the other view runs on").isEqualTo(2);
            assertThat(thread.isShutdown()).isFalse();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aViewWaitsForItsOwnTasksToEndAndRunsThemInOrder() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            SharedExecutorView view = new SharedExecutorView(thread);
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> ran = new CopyOnWriteArrayList<>();
            view.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add(1);
            });
            view.execute(() -> ran.add(2));
            view.shutdown();
            assertThat(view.awaitTermination(50, TimeUnit.MILLISECONDS)).as("a task of its own still waits").isFalse();
            release.countDown();
            assertThat(view.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly(1, 2);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void instancesOfADesignShareTheThreadsNotTheirShutdown() throws Exception {
        OnExecutor declared = new OnExecutor(HandedExecutor.singleThread(),
                (stock, executor) -> new dev.oversell.model.reference.SequentialInventory(stock));
        java.util.concurrent.atomic.AtomicReference<ExecutorService> handed = new java.util.concurrent.atomic.AtomicReference<>();
        OnExecutor remembering = new OnExecutor(HandedExecutor.singleThread(), (stock, executor) -> {
            handed.set(executor);
            return declared.factory().create(stock, executor);
        });
        var one = remembering.onSharedExecutor("view-test", Map.of("sku", 1L));
        ExecutorService ofOne = handed.get();
        var two = remembering.onSharedExecutor("view-test", Map.of("sku", 1L));
        ExecutorService ofTwo = handed.get();
        one.close();
        assertThat(ofOne.isShutdown()).as("closing an instance shuts its own view down").isTrue();
        assertThat(ofTwo.submit(() -> 7).get()).as("the other instance's tasks still run").isEqualTo(7);
        two.close();
        assertThat(ofTwo.isTerminated()).isTrue();
    }
}
