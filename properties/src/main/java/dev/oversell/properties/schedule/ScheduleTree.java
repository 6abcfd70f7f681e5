package dev.oversell.properties.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every distinct execution of a schedule's calls, found as they run: stateless model checking, the way
 * Lincheck's model checker and CHESS explore threads, with the engine's locks deciding who can move. At each step
 * a gate offers the transactions whose next point waits for its turn (one blocked on a lock is not offered; it
 * goes on when the engine lets it), and the tree records who was chosen. Two gates share it: the statement gate of
 * the database family ({@code dev.oversell.properties.database.jdbc.StatementGate}: a point is a statement, a
 * commit) and the command gate of the Redis family (a point is a command, a script, a {@code MULTI}...{@code EXEC}
 * block); each says what its points are ({@link Point}) and when two of them commute ({@link Footprint}). The first run takes
 * the lowest ready transaction at every step; each later run replays a recorded prefix of choices and then takes
 * one not yet taken there, deepest first, until none is left. Every run is a different execution, and together
 * they are all of them: orders that the engine's locks make the same execution are run once (enumerating the
 * orders of the statements each call sent alone runs them many times), and code that sends other statements under
 * another schedule (a retry) has those statements interleaved too.
 *
 * <p>Equivalent executions are pruned with sleep sets (Godefroid, 1996): two neighbouring points of different
 * transactions that commute ({@link Footprint}: for statements, two plain reads, two statements on tables that
 * share nothing, the commit of a transaction that only read beside any point of another) answer alike in either order; so once the
 * executions that start with one of them have been run, those that start with the other do not take the first one next
 * again unless something that does not commute with it ran in between. And where such a commit is ready, it is
 * taken at once and nothing else is tried at that step: whatever the others do, an equivalent execution takes it
 * first (a persistent set of one, in the words of the partial-order reduction literature). A run that reaches a step where every ready
 * transaction is asleep is equivalent to one already run: it is finished (the calls must end) and counted apart.
 *
 * <p>The engine is assumed to answer the same choices the same way, and mostly does; where it does not, a replay
 * is offered other transactions than the run it replays. That happens where one commit wakes several statements
 * waiting for the same row: which of them takes the row next is the engine's race, not the gate's choice (on
 * PostgreSQL both re-check the row's newest version and lock it, and the loser waits for the winner; H2 wakes
 * every waiter at once). That is recorded
 * ({@link #diverged()}) and the caller runs it again; a run told to {@code graft} instead takes the engine's
 * choice as the new branch there, and the executions below the old one that were not yet run are counted
 * ({@link #grafts()}): an execution the tree meant to reach and did not is never passed over in silence.
 */
public final class ScheduleTree {

    /** What a point may touch, as far as a gate can tell before it is sent. */
    public interface Footprint {
        /** Whether this point and {@code other}, of another transaction, answer alike in either order. */
        boolean commutesWith(Footprint other);

        /**
         * Whether it commutes with whatever every other transaction does from here (it releases nothing and
         * publishes nothing): taken at once, nothing else is tried at its step.
         */
        boolean inert();
    }

    /** One point a transaction waits to send, as the tree sees it. */
    public interface Point {
        /** Its name in a schedule: the verb's initial and the transaction's number, {@code u2}. */
        String label();

        Footprint footprint();

        /** Whether, taken, it blocked (on a lock): filled in by the gate as it runs, read when the run is over. */
        boolean blocked();
    }

    /** Which of the transactions ready to send goes next. */
    @FunctionalInterface
    public interface Chooser {
        /**
         * {@code ready}: the transactions (indexes into the schedule's calls, lowest first) whose next point waits
         * for its turn; {@code next}: those points. Returns one of {@code ready}.
         */
        int choose(List<Integer> ready, List<? extends Point> next);
    }

    /** One step of the current path: who was ready, who is asleep, who was chosen and who has been. */
    private static final class Node {
        final List<Integer> ready;
        final List<Footprint> footprints;
        final List<String> labels;
        final Set<Integer> sleep;
        final Set<Integer> done = new HashSet<>();
        /** Of {@link #done}, those whose point blocked on a lock when taken here: not an atomic step, never asleep. */
        final Set<Integer> blockedDone = new HashSet<>();
        int chosen;
        /** The point taken here in the current run (its {@code blocked} is filled in by the gate as it runs). */
        Point taken;
        /** The chosen point commutes with every other: taking it first is enough, no other is tried here. */
        boolean alone;

        Node(List<Integer> ready, List<Footprint> footprints, List<String> labels, Set<Integer> sleep) {
            this.ready = ready;
            this.footprints = footprints;
            this.labels = labels;
            this.sleep = sleep;
        }

        /** Whether the next points of transactions {@code a} and {@code b} answer alike in either order. */
        boolean independent(int a, int b, boolean reduce) {
            return reduce && footprints.get(ready.indexOf(a)).commutesWith(footprints.get(ready.indexOf(b)));
        }
    }

    private final List<Node> path = new ArrayList<>();
    /**
     * Whether points that commute are run in one order only. Off once calls wait for one another in the JVM: the
     * code after a statement may then take a monitor or send a message, so the order of two steps is not only the
     * order of their statements.
     */
    private final boolean reduce;

    /** A tree that runs commuting points in one order only. */
    public ScheduleTree() {
        this(true);
    }

    /** A tree that runs commuting points in one order only if {@code reduce}, else in every order. */
    public ScheduleTree(boolean reduce) {
        this.reduce = reduce;
    }
    /** How many steps of {@link #path} the next run replays. */
    private int replay;
    private boolean exhausted;
    private int equivalent;
    private String diverged;
    private boolean sleepBlocked;
    /** Steps the current run has taken. */
    private int steps;
    private boolean graft;
    private int grafts;

    /** Whether every execution has been run. */
    public boolean exhausted() {
        return exhausted;
    }

    /** Runs that turned out equivalent to one already run (every ready transaction asleep at some step). */
    public int equivalent() {
        return equivalent;
    }

    /** How the last run left the path it was to replay, or null if it replayed it faithfully. */
    public String diverged() {
        if (diverged == null && steps < replay) {
            return "the calls returned after " + steps + " steps, not " + replay + " as when the same choices ran before";
        }
        return diverged;
    }

    /** Times a replay took the engine's choice as a new branch, leaving the rest of the old one unexplored. */
    public int grafts() {
        return grafts;
    }

    /**
     * The chooser of the next run: it replays the recorded prefix, then explores. With {@code graft}, where the
     * engine does not offer what the prefix recorded, the run goes on from what it offers, as a new branch.
     */
    public Chooser nextRun(boolean graft) {
        this.graft = graft;
        if (exhausted) {
            throw new IllegalStateException("every execution has been run");
        }
        diverged = null;
        sleepBlocked = false;
        steps = 0;
        return (ready, next) -> choose(steps++, ready, next);
    }

    private int choose(int step, List<Integer> ready, List<? extends Point> next) {
        List<Footprint> footprints = next.stream().map(Point::footprint).toList();
        List<String> labels = next.stream().map(Point::label).toList();
        if (step < replay && diverged == null) {
            Node node = path.get(step);
            if (node.ready.equals(ready) && node.labels.equals(labels) && node.footprints.equals(footprints)) {
                node.taken = next.get(ready.indexOf(node.chosen));
                return node.chosen;
            }
            if (graft) {
                path.subList(step, path.size()).clear();
                replay = step;
                grafts++;
            } else {
                diverged = "after " + prefix(step) + " the statements ready were " + labels + ", not " + node.labels
                        + " as when the same choices ran before";
            }
        }
        if (diverged != null || sleepBlocked) {
            return ready.get(0); // off the tree: the run only has to end
        }
        Set<Integer> sleep = new TreeSet<>();
        if (step > 0 && !path.get(step - 1).taken.blocked()) {
            // a point that blocked on a lock is no atomic step: when it returns, and which deadlock victim the
            // engine picks, depends on what ran meanwhile, so nothing sleeps past it
            Node parent = path.get(step - 1);
            Set<Integer> candidates = new TreeSet<>(parent.sleep);
            candidates.addAll(parent.done);
            candidates.removeAll(parent.blockedDone);
            for (int t : candidates) {
                // t did not move, so its next point is the one it had at the parent
                if (t != parent.chosen && ready.contains(t) && parent.independent(t, parent.chosen, reduce)) {
                    sleep.add(t);
                }
            }
        }
        Node node = new Node(List.copyOf(ready), footprints, labels, sleep);
        Integer inert = null;
        for (int i = 0; i < ready.size() && inert == null && reduce; i++) {
            if (next.get(i).footprint().inert() && !sleep.contains(ready.get(i))) {
                inert = ready.get(i);
            }
        }
        if (inert != null) {
            // it commutes with whatever the others do from here, so every execution has an equivalent one that
            // takes it now (a persistent set of one): the others are not tried first at this step
            node.alone = true;
            node.chosen = inert;
            node.taken = next.get(ready.indexOf(inert));
            path.add(node);
            return inert;
        }
        Integer pick = ready.stream().filter(t -> !sleep.contains(t)).findFirst().orElse(null);
        if (pick == null) {
            sleepBlocked = true; // every ready transaction asleep: the rest is an execution already run
            return ready.get(0);
        }
        node.chosen = pick;
        node.taken = next.get(ready.indexOf(pick));
        path.add(node);
        return pick;
    }

    /**
     * After a run: picks the next execution to run (the deepest step with a ready transaction neither taken
     * there nor asleep), or marks the tree exhausted. A run that {@link #diverged()} must be run again first.
     */
    public void finished() {
        if (graft && steps < replay) {
            path.subList(steps, path.size()).clear(); // the calls ended sooner than the old branch: a new one
            replay = steps;
            grafts++;
        }
        if (diverged() != null) {
            throw new IllegalStateException("the run diverged from the path it replayed: run it again, or graft");
        }
        if (sleepBlocked) {
            equivalent++;
        }
        for (int k = path.size() - 1; k >= 0; k--) {
            Node node = path.get(k);
            node.done.add(node.chosen);
            if (node.taken != null && node.taken.blocked()) {
                node.blockedDone.add(node.chosen);
            }
            Integer other = node.alone ? null : node.ready.stream()
                    .filter(t -> !node.done.contains(t) && !node.sleep.contains(t)).findFirst().orElse(null);
            if (other != null) {
                node.chosen = other;
                path.subList(k + 1, path.size()).clear();
                replay = k + 1;
                return;
            }
        }
        exhausted = true;
    }

    /** Forgets that the last run diverged, to replay the same prefix once more. */
    public void retry() {
        diverged = null;
        sleepBlocked = false;
        path.subList(Math.min(replay, path.size()), path.size()).clear();
    }

    /** The schedule's first {@code steps} points, as they are named: {@code s1 u1 s2}. */
    private String prefix(int steps) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < steps; k++) {
            Node node = path.get(k);
            out.append(k == 0 ? "" : " ").append(node.labels.get(node.ready.indexOf(node.chosen)));
        }
        return out.length() == 0 ? "the start" : out.toString();
    }
}
