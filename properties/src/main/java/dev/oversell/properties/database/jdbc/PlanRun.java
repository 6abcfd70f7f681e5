package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One plan's executions as they are run and judged, and, once it has ended, how much of the plan they covered: the
 * unit the database and deployment checks report, one {@link Observation} per plan. Until {@link #ended} is told,
 * the plan is not checked (a run stopped by a failure never reads as covered). Its note counts the executions by
 * finding, and those the engine ended by refusing a call to break a deadlock.
 */
public final class PlanRun {

    private final String plan;
    private final List<JdbcScheduleOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private volatile Coverage coverage;

    public PlanRun(String plan) {
        this.plan = plan;
        this.coverage = new Coverage.NotChecked("its executions did not all run (a failure stopped them)", null);
    }

    /** A plan that is not run, with why. */
    public static PlanRun notRun(String plan, Coverage why) {
        if (why.ran()) {
            throw new IllegalArgumentException("a plan not run has a coverage that did not run: " + why.words());
        }
        PlanRun run = new PlanRun(plan);
        run.coverage = why;
        return run;
    }

    public String plan() {
        return plan;
    }

    public void add(JdbcScheduleOutcome outcome) {
        outcomes.add(outcome);
    }

    /** The plan has ended as far as it got: {@code covered} says how far (a coverage that ran needs executions). */
    public void ended(Coverage covered) {
        if (covered.ran() && outcomes.isEmpty()) {
            throw new IllegalStateException(plan + ": " + covered.words() + ", but no execution was recorded");
        }
        this.coverage = covered;
    }

    public Coverage coverage() {
        return coverage;
    }

    public List<JdbcScheduleOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** The worst finding of its executions, or null if none ran (an execution that threw counts as not checked). */
    public Finding finding() {
        return outcomes().stream().map(JdbcScheduleOutcome::finding).reduce(Finding::worst).orElse(null);
    }

    /** The execution a reader should see: the shortest script among those with the worst finding. */
    public Optional<JdbcScheduleOutcome> shown() {
        Finding worst = finding();
        return outcomes().stream().filter(o -> o.finding() == worst)
                .min(Comparator.comparing(JdbcScheduleOutcome::kind).thenComparingInt(o -> o.script().length()));
    }

    /** How its executions ended, counted: {@code 20 held, 2 oversold}. */
    public String counted() {
        Map<String, Long> byFinding = outcomes().stream().collect(Collectors.groupingBy(o -> o.finding().word(),
                LinkedHashMap::new, Collectors.counting()));
        return byFinding.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** How many of its executions the engine ended by refusing a call to break a deadlock. */
    public int deadlocked() {
        return (int) outcomes().stream().filter(o -> o.deadlockVictims() > 0).count();
    }

    /**
     * The plan as the one record every family reports: its coverage, its worst finding, the shortest script that
     * shows it, and how its executions ended. An execution that threw leaves the plan not checked: an error is
     * never a pass.
     */
    public Observation observation(String runId, String design, Observation.Family family, String cellPrefix,
                                   String engine, String engineVersion, String reproduce, String evidenceFile) {
        List<JdbcScheduleOutcome> all = outcomes();
        Coverage covered = coverage;
        Optional<JdbcScheduleOutcome> errored = all.stream().filter(JdbcScheduleOutcome::errored).findFirst();
        if (covered.ran() && errored.isPresent()) {
            covered = new Coverage.NotChecked("execution " + errored.get().ran() + " threw: " + errored.get().errors(),
                    reproduce);
        }
        Finding finding = covered.ran() ? finding() : null;
        Optional<JdbcScheduleOutcome> shown = shown();
        String example = finding != null && finding.anomaly() ? shown.map(JdbcScheduleOutcome::script).orElse(null) : null;
        int deadlocked = deadlocked();
        String note = all.isEmpty() ? null : all.size() + " executions: " + counted()
                + (deadlocked == 0 ? "" : "; in " + deadlocked + " the engine broke a deadlock by refusing a call")
                + shown.map(s -> "; shown: " + s.ran() + ", " + s.kind().label).orElse("");
        return new Observation(runId, design, family, cellPrefix + plan, engine, engineVersion, covered, finding, null,
                example, reproduce, evidenceFile, note);
    }
}
