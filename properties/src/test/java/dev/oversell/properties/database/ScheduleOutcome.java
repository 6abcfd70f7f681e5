package dev.oversell.properties.database;

import java.util.List;

/**
 * What one schedule of two purchases of the last unit did: its name ({@code b1 r1 b2 r2 w1 w2 c1 c2}), how it
 * ended, each purchase's final answer, the stock and units sold afterwards, and the Hermitage-style script.
 */
public record ScheduleOutcome(String schedule, ScheduleKind kind, List<String> answers, long finalStock, long unitsSold,
                       long answersRecorded, List<String> failures, String script) {

    public boolean oversold() {
        return kind == ScheduleKind.OVERSOLD;
    }
}
