package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Finding;

import java.util.List;

/**
 * What one execution of a design's calls did: the plan it interleaved ({@link StatementPlan#describe()}), what
 * ran ({@code s1 s2 u1 c1 u2 c2}: each statement's verb initial and its transaction, in the order the gate let
 * them through), the finding
 * by the accounts ({@link Finding#ofAccounts}, then whether a sequential order explains the answers), how it
 * ended ({@link ScheduleKind}), each call's answer, the errors (a call that threw: the schedule is an error,
 * never "held"), the accounts (over every product of the plan), the Hermitage-style script, and how many of its
 * calls the engine refused to break a deadlock ({@link StatementGate#brokeADeadlock}).
 */
public record JdbcScheduleOutcome(String plan, String ran, Finding finding, ScheduleKind kind, List<String> answers, List<String> errors, long existed,
                                  long sold, long stockAfter, String script, int deadlockVictims) {

    /** A call threw: what the accounts say is shown, but the schedule is not judged "held". */
    public boolean errored() {
        return !errors.isEmpty();
    }

    public boolean oversold() {
        return finding == Finding.OVERSOLD;
    }

    /** One line: {@code s1 s2 u1 c1 u2 c2: oversold (T1: purchased 1, T2: purchased 1; stock after 0)}. */
    public String line() {
        return ran + ": "
                + (errored() ? "error, " + String.join("; ", errors) : finding.word() + ", " + kind.label)
                + " (" + String.join(", ", answers) + "; " + existed + " existed, " + sold + " sold, stock after "
                + stockAfter + ")";
    }
}
