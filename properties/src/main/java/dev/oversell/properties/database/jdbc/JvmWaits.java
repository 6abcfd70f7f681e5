package dev.oversell.properties.database.jdbc;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Telling a call that waits in the JVM for another call (a monitor another call holds, an actor busy with another
 * call's message) from one still at work, by the states of the schedule's threads: the part of the
 * {@link StatementGate} that decides when every call has settled although one of them is neither at a statement,
 * nor blocked in the engine, nor returned.
 */
final class JvmWaits {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** How deep into a waiting thread's stack to look for the code it waits in. */
    static final int STACK_FRAMES = 16;

    /** How many of a waiting thread's top frames tell one wait from another ({@link #quietState}). */
    private static final int TOP_FRAMES = 4;

    /**
     * The packages of the engines' drivers, of the connection pool, and of the loggers and test runners a call's
     * thread passes through: a wait in them is the engine or the infrastructure at work, never one call waiting
     * for another (a warning logged by two calls at once contends for the console).
     */
    private static final List<String> DRIVERS = List.of("org.h2.", "org.postgresql.", "org.mariadb.jdbc.",
            "com.zaxxer.hikari.", "org.jboss.logging.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.",
            "org.apache.commons.logging.", "org.apache.maven.surefire.", "net.sf.jsqlparser.");

    private JvmWaits() {
    }

    /**
     * Whether nothing of the schedule runs on its own now. Every thread of a call still running,
     * and every thread that did work for one, must be waiting: for its turn, for a lock in the engine (its
     * statement in flight), for something in the JVM that only another of them can give (a monitor another of
     * them holds, a future, an idle pool's queue), or have ended. A thread that runs, sleeps (a wait that ends
     * by itself), waits inside the engine's driver or pool (unless the engine says its statement waits for a lock),
     * or waits for a lock or a monitor that a thread outside the schedule holds means not yet. Then a call that is neither at a
     * point, nor returned, nor blocked in the engine waits in the JVM for another call, and stays so until the
     * gate lets one go on: a {@code synchronized} service's second buyer, an actor's caller whose message waits
     * behind another's. Work a call handed over that no thread has started yet is quiet only behind a busy worker
     * (as a message waits in an actor's mailbox), and only if no other known worker may take it up: with a worker
     * idle (unless it is a fork-join pool's thread with nothing queued in its pool), or none seen yet, it is about
     * to start. A call's thread that waits to enter the gate's own monitor ({@code gate}: telling the gate it
     * opened a connection, that a statement returned) is the gate's machinery at work, not a wait for another call,
     * whoever holds the monitor that moment. The caller holds {@code gate}'s monitor.
     */
    static boolean quiet(Object gate, List<ScheduledTransaction> transactions, List<Thread> threads,
                         Set<Thread> workers) {
        return quietState(gate, transactions, threads, workers) != null;
    }

    /**
     * As {@link #quiet}: null when something of the schedule runs on its own; else where each watched thread
     * waits (its state, the lock it waits for and its top frames), so that a caller can tell the same quiet seen
     * twice from two moments that only look alike.
     */
    static String quietState(Object gate, List<ScheduledTransaction> transactions, List<Thread> threads,
                             Set<Thread> workers) {
        if (transactions.stream().anyMatch(t -> t.handOvers() > 0 && !t.finished())) {
            // work handed over and not yet started waits behind a busy worker (an actor's mailbox behind the message
            // it handles), or is about to start on a new thread or an idle one: quiet only if some worker works for a
            // call now and every other known worker is idle for good (a fork-join pool's thread with nothing queued
            // in its pool: the work is not there, it waits in a mailbox; of any other pool that cannot be told)
            Set<Thread> busy = new HashSet<>();
            transactions.forEach(t -> busy.addAll(t.workers()));
            if (busy.isEmpty() || workers.stream().anyMatch(w -> w.isAlive() && !busy.contains(w) && !idleForGood(w))) {
                return null;
            }
        }
        Map<Thread, ScheduledTransaction> watched = new HashMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            ScheduledTransaction t = transactions.get(i);
            if (!t.finished()) {
                watched.put(threads.get(i), t);
            }
        }
        for (Thread worker : workers) {
            watched.putIfAbsent(worker, null);
        }
        for (ScheduledTransaction t : transactions) {
            for (Thread worker : t.workers()) {
                watched.put(worker, t);
            }
        }
        List<Thread> list = new ArrayList<>(watched.keySet());
        for (Thread thread : list) {
            // a thread at work answers "not yet" before any dump is taken: its state is read without stopping the
            // JVM at a safepoint, where a thread dump stops every thread (the calls' at work among them)
            ScheduledTransaction t = watched.get(thread);
            Thread.State state = thread.getState();
            if (state == Thread.State.NEW || state == Thread.State.RUNNABLE && !(t != null && t.sending() != null
                    && t.sending().blocked())) {
                return null;
            }
        }
        long[] ids = new long[list.size()];
        Set<Long> watchedIds = new HashSet<>();
        for (int k = 0; k < ids.length; k++) {
            ids[k] = list.get(k).getId();
            watchedIds.add(ids[k]);
        }
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, STACK_FRAMES); // one dump: the top frames and the driver's
        StringBuilder state = new StringBuilder();
        for (int k = 0; k < ids.length; k++) {
            ThreadInfo info = infos[k];
            if (info == null) {
                continue; // ended
            }
            ScheduledTransaction t = watched.get(list.get(k));
            boolean inTheEngine = t != null && t.sending() != null && t.sending().blocked();
            switch (info.getThreadState()) {
                case TERMINATED -> { }
                case WAITING, TIMED_WAITING -> {
                    if (waitsInTheDriver(info)) {
                        if (!inTheEngine) {
                            return null; // the driver or the pool at work (opening a connection, its own locks)
                        }
                    } else if (info.getThreadState() == Thread.State.TIMED_WAITING && info.getLockName() == null) {
                        return null; // a sleep: it ends by itself
                    } else if (info.getLockOwnerId() != -1 && info.getLockOwnerId() != Thread.currentThread().getId()
                            && !watchedIds.contains(info.getLockOwnerId())) {
                        return null; // a lock someone outside the schedule holds: it lets go by itself (the gate's
                                      // own monitor, which a call waiting for its turn waits on, is held by this thread)
                    }
                }
                case BLOCKED -> {
                    if (isMonitorOf(info, gate) || !watchedIds.contains(info.getLockOwnerId())
                            || waitsInTheDriver(info)) {
                        return null; // a monitor held outside the schedule, or the driver's or a logger's own
                    }
                }
                case RUNNABLE -> {
                    if (!inTheEngine) {
                        return null; // running; or the thread of a statement blocked in the engine, reading its socket
                    }
                }
                default -> {
                    return null;
                }
            }
            StackTraceElement[] stack = info.getStackTrace();
            state.append(ids[k]).append(' ').append(info.getThreadState()).append(' ').append(info.getLockName())
                    .append(' ').append(java.util.Arrays.toString(java.util.Arrays.copyOf(stack,
                            Math.min(TOP_FRAMES, stack.length)))).append('\n');
        }
        return state.toString();
    }

    /** Whether the monitor {@code info}'s thread waits for is {@code monitor}'s. */
    static boolean isMonitorOf(ThreadInfo info, Object monitor) {
        LockInfo lock = info.getLockInfo();
        return lock != null && lock.getIdentityHashCode() == System.identityHashCode(monitor)
                && lock.getClassName().equals(monitor.getClass().getName());
    }

    /** Whether {@code worker} is a fork-join pool's thread whose pool has nothing queued: it takes no new work. */
    private static boolean idleForGood(Thread worker) {
        return worker instanceof java.util.concurrent.ForkJoinWorkerThread forkJoin
                && forkJoin.getPool().getQueuedSubmissionCount() == 0 && forkJoin.getPool().getQueuedTaskCount() == 0;
    }

    /**
     * Whether the thread waits inside the engine's driver, its connection pool or a logger (the first frame of its
     * stack outside the JDK is theirs, {@link #DRIVERS}): opening a connection, waiting for the engine to answer,
     * the driver's own locks, a console two calls write to.
     * That is the engine at work, which ends by itself unless the engine says the statement waits for a lock; it
     * is not a call waiting for another in the JVM.
     */
    private static boolean waitsInTheDriver(ThreadInfo info) {
        for (StackTraceElement frame : info.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return DRIVERS.stream().anyMatch(type::startsWith);
        }
        return false;
    }
}
