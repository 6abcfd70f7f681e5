package dev.oversell.redis;

import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.run.RunFolder;

import java.util.List;

/**
 * The observation of a design's runs under one fault on one engine, as the lock and queue checks make it: the
 * runs in which the fault struck are a sample (the same schedule each time), the worst finding among them stands
 * with the story of a run that showed it; the runs the fault missed are counted apart and prove nothing, and an
 * engine on which it never struck is <em>not checked</em>, never held.
 */
public final class FaultRuns {

    private FaultRuns() {
    }

    /** One run under the fault, as the observation needs it. */
    public interface Run {
        /** Whether the fault struck (else the run proves nothing about it, and {@link #why} says what happened). */
        boolean struck();

        Finding finding();

        long attempted();

        long sold();

        long oversoldUnits();

        /** The run in words a person can follow: what each party did and what the accounts read. */
        String story();

        String why();

        /** Units the run took from the sale (in Redis) that no account shows sold. */
        default long stranded() {
            return 0;
        }

        /** Something else the run showed that the report names beside its verdict (a unit stranded), or null. */
        default String note() {
            return null;
        }
    }

    /**
     * @param struckRuns what a run the fault struck is, in the coverage's words ("runs with the holder paused ...")
     * @param engineVersion the engine's version and settings (and the other servers the check used)
     */
    public static Observation observation(String design, Observation.Family family, String cell, String engine,
                                          String engineVersion, List<? extends Run> runs, String struckRuns,
                                          String reproduce) {
        List<? extends Run> struck = runs.stream().filter(Run::struck).toList();
        if (struck.isEmpty()) {
            return new Observation(RunFolder.id(), design, family, cell, engine, engineVersion,
                    new Coverage.NotChecked("the fault did not strike in any of " + runs.size() + " runs: "
                            + runs.get(0).why(), reproduce), null, null, null, reproduce, null, runs.get(0).why());
        }
        Finding worst = struck.stream().map(Run::finding).reduce(Finding.HELD, Finding::worst);
        Run shown = struck.stream().filter(r -> r.finding() == worst).findFirst().orElseThrow();
        long oversold = struck.stream().filter(r -> r.finding() == Finding.OVERSOLD).count();
        return new Observation(RunFolder.id(), design, family, cell, engine, engineVersion,
                new Coverage.Sampled(struck.size(), 0, struckRuns, null), worst,
                new Observation.Counts(struck.stream().mapToLong(Run::attempted).sum(),
                        struck.stream().mapToLong(Run::sold).sum(), struck.stream().mapToLong(Run::oversoldUnits).sum(), 0,
                        struck.stream().mapToLong(Run::stranded).sum()),
                worst.anomaly() ? shown.story() : null, reproduce, null,
                oversold + " of " + struck.size() + " runs oversold" + notes(struck) + (runs.size() > struck.size()
                        ? "; " + (runs.size() - struck.size()) + " runs the fault missed: " + runs.stream()
                        .filter(r -> !r.struck()).findFirst().orElseThrow().why() : ""));
    }

    /** What the struck runs noted, with how many of them noted it: {@code ; in 2 of 2 runs, 1 unit ...}. */
    private static String notes(List<? extends Run> struck) {
        StringBuilder notes = new StringBuilder();
        struck.stream().map(Run::note).filter(java.util.Objects::nonNull).distinct().forEach(note -> notes
                .append("; in ").append(struck.stream().filter(r -> note.equals(r.note())).count()).append(" of ")
                .append(struck.size()).append(" runs, ").append(note));
        return notes.toString();
    }
}
