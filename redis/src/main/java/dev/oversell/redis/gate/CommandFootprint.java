package dev.oversell.redis.gate;

import dev.oversell.properties.schedule.ScheduleTree;

import java.util.Collections;
import java.util.Set;

/**
 * What a Redis step may touch: the keys it names and whether it only reads them. Two steps of different buyers
 * commute (answer alike in either order, {@link ScheduleTree}) when both only read, or when the keys they name share
 * none. A step whose keys the gate cannot bound (a command it does not know: {@link #keys} null) commutes with
 * nothing.
 *
 * <p>Why that is sound on Redis: Redis runs one command (or script, or {@code MULTI}…{@code EXEC} block) at a time,
 * to its end, and a command's effect and answer depend only on the keys it touches. A Lua script is taken to write
 * every key it is given (it may only touch those: Redis requires it, and the designs keep to it); a {@code WATCH}
 * reads its keys (it notes their versions), and {@code EXEC} reads the watched keys and writes the queued commands'.
 *
 * @param readOnly whether the step only reads
 * @param keys     the keys it names; null if it may touch any
 */
record CommandFootprint(boolean readOnly, Set<String> keys) implements ScheduleTree.Footprint {

    static final CommandFootprint ANYTHING = new CommandFootprint(false, null);

    CommandFootprint {
        keys = keys == null ? null : Set.copyOf(keys);
    }

    @Override
    public boolean commutesWith(ScheduleTree.Footprint other) {
        if (!(other instanceof CommandFootprint command)) {
            return false;
        }
        if (readOnly && command.readOnly) {
            return true;
        }
        return keys != null && command.keys != null && Collections.disjoint(keys, command.keys);
    }

    /** No Redis step releases anything another waits for: none is taken at once. */
    @Override
    public boolean inert() {
        return false;
    }
}
