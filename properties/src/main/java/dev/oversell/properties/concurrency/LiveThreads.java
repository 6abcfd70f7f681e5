package dev.oversell.properties.concurrency;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threads alive in this JVM, to tell which ones a design's checks left behind after closing everything
 * they built. The JVM's own service threads (thread group {@code system}: signal dispatcher, attach listener,
 * reference handler) come and go on their own and are left out.
 */
final class LiveThreads {

    private LiveThreads() {
    }

    static Set<Thread> now() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getThreadGroup() == null || !"system".equals(thread.getThreadGroup().getName()))
                .collect(Collectors.toSet());
    }

    /**
     * The threads alive now that were not in {@code before}, once each has had until {@code grace} runs out to
     * end (a pool told to shut down ends its workers shortly after, not at once).
     */
    static List<Thread> startedSince(Set<Thread> before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : now()) {
            if (!before.contains(thread)) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        }
        return now().stream().filter(thread -> !before.contains(thread) && thread.isAlive())
                .sorted(Comparator.comparing(Thread::getName)).toList();
    }

    static String describe(List<Thread> threads) {
        return threads.stream().map(thread -> thread.getName() + " (" + thread.getState() + ")")
                .collect(Collectors.joining(", "));
    }
}
