package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Finding;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The executions of one plan of one design's calls on one engine: the statements each call sent when it ran
 * alone, each call alone, the distinct executions run (out of {@code interleavings} orders of the statements the
 * calls sent alone), how much of them that was ({@code coverage}, {@link Exploration#coverage()}), and how long
 * it all took. {@link #findings()} is
 * what the one claim rule judges; a schedule that errored is never among them, and {@link #verdict()} is
 * {@link Verdict.Errored} if any did.
 */
public record JdbcInterleavings(String design, String engine, String plan, List<List<String>> statementsAlone,
                                List<JdbcScheduleOutcome> alone, long interleavings,
                                List<JdbcScheduleOutcome> schedules, String coverage, Duration elapsed) {

    /** The findings of the schedules that ran without an error. */
    public List<Finding> findings() {
        return schedules.stream().filter(s -> !s.errored()).map(JdbcScheduleOutcome::finding).toList();
    }

    public List<JdbcScheduleOutcome> errors() {
        return java.util.stream.Stream.concat(alone.stream(), schedules.stream())
                .filter(JdbcScheduleOutcome::errored).toList();
    }

    /**
     * What the executions of the plan came to: {@link Verdict.Errored} if a call threw anywhere (its finding would
     * say nothing), {@link Verdict.NothingRun} if no execution ran, else the worst finding ({@link Verdict.Found}).
     */
    public Verdict verdict() {
        if (!errors().isEmpty()) {
            return new Verdict.Errored();
        }
        if (schedules.isEmpty()) {
            return new Verdict.NothingRun();
        }
        return new Verdict.Found(findings().stream().reduce(Finding.HELD, Finding::worst));
    }

    /** What a plan's executions came to; its {@code toString()} is the word a summary prints. */
    public sealed interface Verdict {

        /** Every execution ran, and the worst of what they found. */
        record Found(Finding finding) implements Verdict {
            @Override
            public String toString() {
                return finding.word();
            }
        }

        /** A call threw in some execution, or alone: the plan's findings are not a verdict. */
        record Errored() implements Verdict {
            @Override
            public String toString() {
                return "error";
            }
        }

        /** No execution ran. */
        record NothingRun() implements Verdict {
            @Override
            public String toString() {
                return "nothing run";
            }
        }

        /** The verdict of executions that found {@code finding} at worst. */
        static Verdict of(Finding finding) {
            return new Found(finding);
        }
    }

    /** The first schedule that found {@code finding}, if any. */
    public Optional<JdbcScheduleOutcome> first(Finding finding) {
        return schedules.stream().filter(s -> !s.errored() && s.finding() == finding).findFirst();
    }

    /** A summary: the statements, one line per schedule, the verdict and the time taken. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(design).append(" on ").append(engine).append(": ").append(verdict()).append(", ")
                .append(schedules.size()).append(" executions of ").append(interleavings).append(" interleavings run (")
                .append(plan).append(", ").append(coverage).append("), in ").append(elapsed.toMillis()).append(" ms\n");
        for (int i = 0; i < statementsAlone.size(); i++) {
            out.append("  T").append(i + 1).append(" alone sent: ").append(String.join(" | ", statementsAlone.get(i)))
                    .append('\n');
        }
        alone.forEach(a -> out.append("  alone ").append(a.line()).append('\n'));
        schedules.forEach(s -> out.append("  ").append(s.line()).append('\n'));
        return out.toString();
    }
}
