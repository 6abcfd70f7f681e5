package dev.oversell.stress.scenarios;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names a deadlock of the design under test in a jcstress fork, and ends the fork, so that a design that hangs is
 * reported in seconds as what it is, with the cycle a person can read, rather than as jcstress's timeout.
 *
 * <p>A call that never returns cannot be bounded from inside the scenario without handing each call to another
 * thread (which would change the very interleavings jcstress is there to produce). So the fork watches from the
 * side: a daemon thread asks the JVM every {@value #EVERY_MILLIS} ms for threads deadlocked on monitors or
 * {@code java.util.concurrent} locks ({@link ThreadMXBean#findDeadlockedThreads}). When the JVM names a cycle, the
 * watch prints it, each line starting with {@value #MARKER} (which thread holds what and waits for what, and the
 * design's frames where each waits), and halts the fork with {@value #EXIT_CODE}. jcstress reports the fork as a VM
 * error with that output; the judge reads it as {@code hung} ({@code dev.oversell.judge.Finding#HUNG}). A hang the
 * JVM cannot name (a livelock, a wait nobody will signal) is left to jcstress's own timeout, which the judge reads
 * as {@code hung} too.
 */
public final class HangWatch {

    /** The prefix of every line the watch prints about a deadlock. */
    public static final String MARKER = "[oversell-hang] ";
    /** The exit code of a fork the watch ended. */
    public static final int EXIT_CODE = 86;
    static final long EVERY_MILLIS = 200;
    /** Frames of these packages are the JDK's or jcstress's, not the design's. */
    private static final List<String> NOT_THE_DESIGN = List.of("java.", "javax.", "jdk.", "sun.", "org.openjdk.jcstress.");

    private static boolean started;

    private HangWatch() {
    }

    /** Starts the watch once per JVM. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread watch = new Thread(HangWatch::watch, "oversell-hang-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (true) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException stop) {
                return;
            }
            long[] deadlocked = threads.findDeadlockedThreads();
            if (deadlocked != null) {
                describe(threads.getThreadInfo(deadlocked, true, true)).forEach(line -> System.out.println(MARKER + line));
                System.out.flush();
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }
    }

    /** The cycle, a line per thread in it, then the design's frames where each waits. */
    static List<String> describe(ThreadInfo[] cycle) {
        List<String> lines = new ArrayList<>();
        lines.add("deadlock: " + cycle.length + " calls wait for each other, and none will ever answer");
        Map<Long, String> calls = new HashMap<>();
        Arrays.stream(cycle).filter(Objects::nonNull).forEach(thread -> calls.put(thread.getThreadId(), callOf(thread)));
        for (ThreadInfo thread : cycle) {
            if (thread == null) {
                continue;
            }
            List<String> holds = new ArrayList<>();
            Arrays.stream(thread.getLockedMonitors()).forEach(m -> holds.add(lock(m)));
            Arrays.stream(thread.getLockedSynchronizers()).forEach(s -> holds.add(lock(s)));
            lines.add(calls.get(thread.getThreadId()) + " holds " + (holds.isEmpty() ? "nothing" : String.join(", ", holds))
                    + " and waits for " + (thread.getLockInfo() == null ? "?" : lock(thread.getLockInfo()))
                    + ", held by " + calls.getOrDefault(thread.getLockOwnerId(), "thread '" + thread.getLockOwnerName() + "'"));
            designFrames(thread.getStackTrace()).forEach(frame -> lines.add("    at " + frame.getClassName() + "."
                    + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")"));
        }
        return lines;
    }

    /** The scenario's actor the thread runs ({@code OppositeOrders.orderOfAThenB}), or the thread's name. */
    private static String callOf(ThreadInfo thread) {
        return Arrays.stream(thread.getStackTrace())
                .filter(f -> scenario(f.getClassName()) && !f.getClassName().equals(DesignState.class.getName())
                        && !f.getClassName().equals(OrdersState.class.getName()))
                .reduce((first, second) -> second) // the outermost: the actor method
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("thread '" + thread.getThreadName() + "'");
    }

    /** The frames of the design where the thread waits: neither the JDK's, nor jcstress's, nor a scenario's. */
    private static List<StackTraceElement> designFrames(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(f -> NOT_THE_DESIGN.stream().noneMatch(f.getClassName()::startsWith)
                && !f.getClassName().contains("_jcstress") && !scenario(f.getClassName())).limit(3).toList();
    }

    /** True for a scenario's state ({@link DesignState} and what extends it). */
    private static boolean scenario(String className) {
        if (!className.startsWith(DesignState.class.getPackageName() + ".")) {
            return false;
        }
        try {
            return DesignState.class.isAssignableFrom(Class.forName(className, false, HangWatch.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            return false;
        }
    }

    private static String lock(LockInfo lock) {
        return lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1) + "@"
                + Integer.toHexString(lock.getIdentityHashCode());
    }
}
