package dev.oversell.properties.database;

import dev.oversell.judge.Finding;

import java.util.List;

/**
 * What one schedule did: its name ({@code b1 r1 b2 r2 w1 w2 c1 c2}), the plan it interleaved (who calls what,
 * from which stock), what the checker found ({@link Finding}),
 * how it ended, each call's final answer, the units that existed (initial stock and applied restocks), the
 * stock and the units sold afterwards (each request id counted once), the answers recorded against the
 * request ids answered, and the Hermitage-style script.
 */
public record ScheduleOutcome(String schedule, String plan, Finding finding, ScheduleKind kind, List<String> answers,
                              long existed, long finalStock, long unitsSold, long answersRecorded,
                              long requestsAnswered, List<String> failures, String script) {

    public boolean oversold() {
        return finding == Finding.OVERSOLD;
    }

    /** Every request id answered has exactly one recorded answer, and nothing else was recorded. */
    public boolean answeredExactlyOnce() {
        return kind != ScheduleKind.NOT_ANSWERED && answersRecorded == requestsAnswered;
    }
}
