package dev.oversell.redis.gate;

import dev.oversell.properties.schedule.ScheduleTree;

import java.util.Locale;

/**
 * One step a buyer waits to send: a command, a script, or the {@code EXEC} of a {@code MULTI} block (whose queued
 * commands were passed on as they came: Redis only queues them). Its answer is filled in by the proxy once Redis
 * gave it.
 */
final class CommandPoint implements ScheduleTree.Point {

    /** The buyer, from 0 (B1). */
    final int buyer;
    /** The command as a person types it into {@code redis-cli}. */
    final String typed;
    private final String name;
    private final CommandFootprint footprint;
    volatile String answer;

    CommandPoint(int buyer, String name, String typed, CommandFootprint footprint) {
        this.buyer = buyer;
        this.name = name.toUpperCase(Locale.ROOT);
        this.typed = typed;
        this.footprint = footprint;
    }

    /**
     * The step in a schedule's name: the command's initial and the buyer's number ({@code g1 d2}); {@code EXEC} is
     * {@code x}, so that it is not taken for an {@code EVAL}.
     */
    @Override
    public String label() {
        return (name.equals("EXEC") ? "x" : name.substring(0, 1).toLowerCase(Locale.ROOT)) + (buyer + 1);
    }

    @Override
    public CommandFootprint footprint() {
        return footprint;
    }

    /** Redis has no lock a command waits on: a step never blocks (a blocking command, BLPOP, is not a design's). */
    @Override
    public boolean blocked() {
        return false;
    }

    @Override
    public String toString() {
        return "B" + (buyer + 1) + "'s `" + typed + "`";
    }
}
