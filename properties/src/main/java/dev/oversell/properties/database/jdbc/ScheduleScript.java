package dev.oversell.properties.database.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the transactions of one schedule sent and what the engine answered, in the order the gate let them
 * send, printed the way Hermitage prints its tests: the setup first, then a {@code -- T1} line whenever the
 * speaker changes, each statement with its answer as a comment, a statement that blocked marked so, and the
 * moment it returned on a line of its own. Guarded by the {@link StatementGate}.
 */
final class ScheduleScript {

    private record Line(String who, Supplier<String> text) {
    }

    private final List<String> everySession = new ArrayList<>();
    private final List<String> setup = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    /** A statement each session (T1, T2, ...) runs before its first one: the engine column's pinned settings. */
    void everySession(String statement) {
        everySession.add(statement + ";");
    }

    void setup(String statement) {
        setup.add(statement + ";");
    }

    /** The point's line, written when it is sent; its answer is read when the script is printed. */
    void sent(SchedulingPoint point) {
        for (String setting : point.settings()) {
            lines.add(new Line(point.transaction.name, () -> setting + ";"));
        }
        if (point.entry()) {
            lines.add(new Line(point.transaction.name, () -> point.text));
            return;
        }
        lines.add(new Line(point.transaction.name, () -> point.text + ";" + (point.blocked()
                ? " -- blocked, waiting for a lock" : point.answer() == null ? "" : " -- " + point.answer())));
    }

    /** A blocked point returned (after another transaction let go of the lock). */
    void returnedAfterBlocking(SchedulingPoint point) {
        lines.add(new Line(point.transaction.name, () -> "-- the " + point.verb.toUpperCase(java.util.Locale.ROOT)
                + " above returns" + (point.answer() == null ? "" : ": " + point.answer())));
    }

    void note(String who, String text) {
        lines.add(new Line(who, () -> "-- " + text));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        if (!everySession.isEmpty()) {
            out.append("-- in every session (T1, T2, ...) first: the engine column's settings\n");
            everySession.forEach(s -> out.append("-- ").append(s).append('\n'));
        }
        if (!setup.isEmpty()) {
            out.append("-- setup\n");
            setup.forEach(s -> out.append(s).append('\n'));
        }
        String speaker = null;
        for (Line line : lines) {
            if (!line.who().equals(speaker)) {
                speaker = line.who();
                out.append("-- ").append(speaker).append('\n');
            }
            out.append(line.text().get()).append('\n');
        }
        return out.toString();
    }
}
