package dev.oversell.actor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A functional check; the jcstress suite in stress/ probes the same guarantees much harder. */
class OneMessageAtATimeTest extends ActorTestSupport {

    @Test
    void concurrentSendersNeverSeeTwoHandlersAtOnceAndNoIncrementIsLost() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        var actor = system.spawn("counter", () -> new CounterBehavior(inside), SupervisionPolicy.STOP);
        int senders = 4;
        int perSender = 2_000;
        List<CompletableFuture<Integer>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perSender; i++) {
                    answers.add(increment(actor));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(actor.isStopped()).as("a handler saw another one running (the actor stops on failure)").isFalse();
        assertThat(answers).extracting(CompletableFuture::join).doesNotHaveDuplicates()
                .hasSize(senders * perSender).contains(senders * perSender);
    }
}
