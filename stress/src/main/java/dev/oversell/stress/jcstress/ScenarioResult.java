package dev.oversell.stress.jcstress;

import dev.oversell.judge.CheckVerdict;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.run.RunFolder;

import java.util.List;

/**
 * One jcstress test's results for one design (or for the actor runtime), as the judge read them; serialised
 * into summary.json. {@code design} is the design's name. {@code verdict} ({@link CheckVerdict}) is a {@link dev.oversell.judge.Finding}
 * word ({@code held}, {@code oversold}, {@code partially applied}, {@code lost update}, {@code hung}, {@code not
 * linearizable}) or {@code skipped} (cannot
 * run on this machine, with the reason in {@code note}), {@code not checked} (the time budget ran out first),
 * {@code error} (jcstress did not run it cleanly) or, for the actor runtime, {@code broken}. {@code problem} says
 * why this row fails the build, or is null. Counts are of samples. {@code report} is jcstress's HTML page of
 * this test in the design's run (its log if the test has no result; null if skipped), relative to the folder
 * summary.json is in; {@code reproduce} the command that runs this design's jcstress part alone; {@code hangs} what
 * each fork that hung showed (the deadlock's cycle, or jcstress's timeout): empty if none did.
 */
public record ScenarioResult(String variant, String claim, String scenario, String test, String status,
                             long samples, long oversold, long lostUpdate, long notLinearizable,
                             List<Count> outcomes, CheckVerdict verdict, String problem, String note, String report,
                             String reproduce, List<String> hangs) {

    public ScenarioResult {
        outcomes = outcomes == null ? List.of() : outcomes;
        hangs = hangs == null ? List.of() : List.copyOf(hangs);
    }

    /** A row in which no fork hung. */
    public ScenarioResult(String variant, String claim, String scenario, String test, String status, long samples,
                          long oversold, long lostUpdate, long notLinearizable, List<Count> outcomes, CheckVerdict verdict,
                          String problem, String note, String report, String reproduce) {
        this(variant, claim, scenario, test, status, samples, oversold, lostUpdate, notLinearizable, outcomes, verdict,
                problem, note, report, reproduce, List.of());
    }

    /**
     * One observed outcome: its count, what it means (a {@code Finding} word) and its grading under the design's
     * claim: an oversell is {@code FORBIDDEN} for "never oversells" and {@code ACCEPTABLE_INTERESTING} for "may
     * oversell"; anything else no sequential order explains is {@code FORBIDDEN} for "never oversells" and
     * {@code ACCEPTABLE} (a known defect, not what the claim is about) for "may oversell".
     */
    public record Count(String outcome, long count, String meaning, String grading, String description) {
    }

    boolean failed() {
        return problem != null;
    }

    /** True if some outcome no sequential order explains was seen, or a fork hung. */
    public boolean sawAnomaly() {
        return !hangs.isEmpty() || outcomes != null && outcomes.stream()
                .anyMatch(c -> c.count() > 0 && !Finding.HELD.word().equals(c.meaning()));
    }

    /**
     * This row as the one record every family reports: a Finding word is a check that ran; "skipped" could not
     * run here; "not checked" and "error" prove nothing. The example is the outcomes no sequential order
     * explains, with their counts.
     */
    Observation toObservation() {
        Coverage coverage = switch (verdict) {
            case SKIPPED -> new Coverage.NotChecked(note == null ? "cannot run on this machine" : note,
                    "a machine with a CPU per jcstress actor");
            case NOT_CHECKED -> new Coverage.NotChecked(note != null ? note : problem != null ? problem
                    : "the jcstress time budget ran out first", "-Doversell.jcstress.secondsPerDesign, or " + reproduce);
            case ERROR, BROKEN -> new Coverage.NotChecked("jcstress did not run it cleanly"
                    + (note == null ? "" : ": " + note), reproduce);
            default -> hangs.isEmpty() ? new Coverage.Sampled(samples, 0, "samples on real threads", null)
                    : samples == 0 ? new Coverage.Sampled(hangs.size(), 0, "jcstress forks, each of which hung", null)
                    : new Coverage.Sampled(samples + hangs.size(), 0, "samples on real threads, and jcstress forks that"
                    + " hung (" + hangs.size() + ")", null);
        };
        Finding finding = coverage.ran() ? verdict.finding().orElseThrow() : null;
        String example = finding != null && finding.anomaly() ? java.util.stream.Stream.concat(
                        hangs.stream().map(h -> "a fork hung: " + h), outcomes.stream()
                        .filter(c -> c.count() > 0 && !Finding.HELD.word().equals(c.meaning()))
                        .map(c -> "[" + c.outcome() + "] " + c.count() + " samples: " + c.meaning() + " (" + c.description() + ")"))
                .collect(java.util.stream.Collectors.joining("\n")) : null;
        return new Observation(RunFolder.id(), variant, Observation.Family.JCSTRESS, scenario, null, null, coverage,
                finding, null, example, reproduce, report == null ? null : "jcstress/" + report,
                String.format("%,d samples; %,d oversold, %,d lost update, %,d not linearizable%s", samples, oversold,
                        lostUpdate, notLinearizable, note == null ? "" : "; " + note));
    }

    /**
     * This row, not checked: it saw nothing wrong, but {@code why} (too few samples) says that is no evidence;
     * {@code toCheck} is the setting that would check it. It fails the run, as every row not checked does.
     */
    ScenarioResult notChecked(String why, String toCheck) {
        return new ScenarioResult(variant, claim, scenario, test, status, samples, oversold, lostUpdate,
                notLinearizable, outcomes, CheckVerdict.NOT_CHECKED, scenario + " was not checked for " + variant + ": " + why
                + "; to check it: " + toCheck, why, report, reproduce, hangs);
    }

    /** This row, with where its evidence is and how to reproduce it. */
    ScenarioResult locatedAt(String report, String reproduce) {
        return new ScenarioResult(variant, claim, scenario, test, status, samples, oversold, lostUpdate,
                notLinearizable, outcomes, verdict, problem, note, report, reproduce, hangs);
    }
}
