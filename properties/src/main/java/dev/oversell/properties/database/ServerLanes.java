package dev.oversell.properties.database;

import dev.oversell.actor.DefaultActorSystem;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The checks of different database servers at once. A suite's tree has one container per engine column; the
 * columns that keep their tables in one database of one server form a lane (MariaDB's two columns, should the
 * snapshot-isolation column not have a database of its own: {@link DatabaseSettings#url}), and each lane runs on
 * a thread of its own: it walks its containers exactly as JUnit would (depth first, each container's children
 * pushed one at a time, each test run as it comes), and JUnit is handed the same tree, each test reporting what its run gave (passed, failed with the same error, or
 * skipped). Within a lane nothing changes: one check at a time, in the same order, so what a check sees of its
 * server is what it saw before. Across lanes the checks share nothing they use (tables, locks, sessions, the
 * gate's schedules, the pool the designs' actors run on: {@link DefaultActorSystem#withStoreActorsOfTheirOwn}),
 * only the machine: the gate decides nothing by timing that a slower machine would change
 * (the whole database suite, run with its three servers at once, explored the same executions in every plan as
 * one server at a time; docs/performance.md).
 *
 * <p>Why: a schedule spends most of its time waiting for one thread or another (the chooser, a call, the server),
 * so one lane keeps a machine about half busy; the database suite took 200 s one server at a time.
 * {@code -Doversell.serversAtOnce=false} runs the lanes one after the other, on JUnit's thread, as before (a log
 * that does not interleave the servers' lines).
 */
public final class ServerLanes {

    /** Whether the lanes run at once ({@code oversell.serversAtOnce}, default true). */
    public static boolean atOnce() {
        return Boolean.parseBoolean(DatabaseSettings.setting("oversell.serversAtOnce", "true"));
    }

    /** The suites that said they run their servers at once: once per JVM is enough. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private ServerLanes() {
    }

    /**
     * The columns' nodes (a container or a single test per engine column), in the order given, each lane (the
     * columns that keep their tables in one place, {@link #whereTablesAre}) run on a thread of its own if
     * {@link #atOnce()}; else the nodes as they are.
     */
    public static Stream<DynamicNode> of(List<Engine> engines, List<? extends DynamicNode> columns, String suite) {
        return inLanes(engines.stream().map(ServerLanes::whereTablesAre).toList(), columns, suite);
    }

    /**
     * Where {@code engine}'s column keeps its tables: its server and database. Columns that share them share a lane
     * (MariaDB's two columns, if the snapshot-isolation column could not have a database of its own).
     */
    static String whereTablesAre(Engine engine) {
        try {
            return engine.server().key() + " " + DatabaseSettings.url(engine);
        } catch (RuntimeException unknown) {
            return engine.server().key();
        }
    }

    /** As {@link #of(List, List, String)}, given each column's lane: columns of one lane run one after the other. */
    static Stream<DynamicNode> inLanes(List<String> lanesOf, List<? extends DynamicNode> columns, String suite) {
        if (lanesOf.size() != columns.size()) {
            throw new IllegalArgumentException(lanesOf.size() + " lanes for " + columns.size() + " columns");
        }
        Map<String, List<DynamicNode>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < lanesOf.size(); i++) {
            lanes.computeIfAbsent(lanesOf.get(i), lane -> new ArrayList<>()).add(columns.get(i));
        }
        if (!atOnce() || lanes.size() < 2) {
            return columns.stream().map(DynamicNode.class::cast);
        }
        if (SAID.add(suite)) {
            System.out.printf("[%s] %d lanes at once (one per server, and per database of a server), each on a thread"
                    + " of its own (-Doversell.serversAtOnce=false: one after the other)%n", suite, lanes.size());
        }
        Map<String, Lane> started = new LinkedHashMap<>();
        int[] number = {0};
        lanes.forEach((lane, nodes) -> started.put(lane, Lane.start(suite + "-" + ++number[0], nodes)));
        return lanesOf.stream().map(lane -> started.get(lane).next());
    }

    /** What the lane's walk saw, in the order it saw it. */
    private sealed interface Event permits Opened, Ran, Closed {
    }

    /** A container: its children follow, up to its {@link Closed}. */
    private record Opened(String name) implements Event {
    }

    /** A test and what its run threw (null: it passed). */
    private record Ran(String name, Throwable thrown) implements Event {
    }

    /** The end of a container's children; {@code thrown} is what asking for the next child threw, or null. */
    private record Closed(Throwable thrown) implements Event {
    }

    /** One server's containers, walked on a thread of their own; JUnit reads the walk back in the same order. */
    private static final class Lane {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        static Lane start(String name, List<DynamicNode> containers) {
            Lane lane = new Lane();
            // each lane is an application instance of its own: its actors do not share a pool with another lane's
            Thread thread = new Thread(() -> DefaultActorSystem.withStoreActorsOfTheirOwn(name,
                    () -> containers.forEach(lane::walk)), "oversell-lane-" + name);
            thread.setDaemon(true);
            thread.start();
            return lane;
        }

        /** Runs {@code node} as JUnit would, saying what happened. Never throws: a failure is a test's or a container's. */
        private void walk(DynamicNode node) {
            if (node instanceof DynamicTest test) {
                Throwable thrown = null;
                try {
                    test.getExecutable().execute();
                } catch (Throwable t) {
                    thrown = t;
                }
                events.add(new Ran(node.getDisplayName(), thrown));
                return;
            }
            events.add(new Opened(node.getDisplayName()));
            Throwable thrown = null;
            // pushed one child at a time, as JUnit does: an iterator over a flatMap would first pull every child
            try (Stream<? extends DynamicNode> children = ((DynamicContainer) node).getChildren()) {
                children.forEach(this::walk);
            } catch (Throwable t) {
                thrown = t;
            }
            events.add(new Closed(thrown));
        }

        /** The next node of the walk, as JUnit asks for it: its tests report what the lane's run gave. */
        DynamicNode next() {
            return nodeFrom(take());
        }

        /** The node whose walk began with {@code first}; a container's children are read as JUnit asks for them. */
        private DynamicNode nodeFrom(Event first) {
            if (first instanceof Ran ran) {
                return DynamicTest.dynamicTest(ran.name(), () -> {
                    if (ran.thrown() != null) {
                        throw ran.thrown();
                    }
                });
            }
            if (!(first instanceof Opened opened)) {
                throw new IllegalStateException("the lane's walk closed a container JUnit had not opened: " + first);
            }
            Iterator<DynamicNode> children = new Iterator<>() {
                private Event ahead;
                private boolean closed;

                @Override
                public boolean hasNext() {
                    if (closed) {
                        return false;
                    }
                    if (ahead == null) {
                        ahead = take();
                    }
                    if (ahead instanceof Closed end) {
                        closed = true;
                        ahead = null;
                        if (end.thrown() instanceof RuntimeException e) {
                            throw e;
                        }
                        if (end.thrown() instanceof Error e) {
                            throw e;
                        }
                        if (end.thrown() != null) {
                            throw new IllegalStateException(end.thrown());
                        }
                        return false;
                    }
                    return true;
                }

                @Override
                public DynamicNode next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Event event = ahead;
                    ahead = null;
                    return nodeFrom(event);
                }
            };
            return DynamicContainer.dynamicContainer(opened.name(),
                    StreamSupport.stream(Spliterators.spliteratorUnknownSize(children, Spliterator.ORDERED), false));
        }

        private Event take() {
            try {
                return events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a lane's checks", e);
            }
        }
    }
}
