package dev.oversell.power;

import dev.oversell.design.Designs;
import dev.oversell.run.Power;
import dev.oversell.run.Shard;
import dev.oversell.engine.Engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The one harness every power test uses: the corpus designs a family runs in this build, each suite run over them
 * through {@link SuiteVerdicts} (in as many parts as the test needs: an engine, a set of scenarios at a time), then
 * one {@link Tally}, printed, written as the family's row of {@code power/power.json} ({@link PowerFile}), and a
 * failure naming every miss, false alarm and cell not judged. A family's power is one unit of a shard ({@link #unit});
 * in another shard it runs nothing, says so ({@link Shard#nothingToDo}) and passes.
 */
public final class PowerOfAFamily {

    private final Family family;
    private final List<CorpusEntry> corpus;
    /** Whether the family's power is a unit of this shard ({@link #unit}); if not, nothing of it runs here. */
    private final boolean inThisShard;
    private final long started = System.nanoTime();
    private SuiteVerdicts.Answer answer = SuiteVerdicts.Answer.none();

    public PowerOfAFamily(Family family, List<CorpusEntry> corpus) {
        this.family = family;
        Shard shard = Shard.current();
        this.inThisShard = shard.runs(unit(family));
        if (!inThisShard) {
            System.out.println(shard.nothingToDo(Power.FOLDER, List.of(unit(family))));
            this.corpus = List.of();
            return;
        }
        List<String> unknown = CorpusEntry.only().stream()
                .filter(name -> corpus.stream().noneMatch(e -> e.name().equals(name))).toList();
        if (!unknown.isEmpty() && unknown.size() == CorpusEntry.only().size()) { // the other corpus's, or a typo
            abort("-D" + CorpusEntry.ONLY + " names no design of this corpus: " + unknown + "; this corpus's: "
                    + CorpusEntry.names(corpus.stream()));
        }
        this.corpus = corpus;
    }

    /**
     * The family's power as one unit of a shard ({@code -Doversell.shard=k/n}): {@code power/lincheck},
     * {@code power/jcstress}, {@code power/databases}. The corpus's suites themselves run whole in every shard that
     * measures a family ({@link SuiteVerdicts}).
     */
    static String unit(Family family) {
        return Shard.unit(Power.FOLDER, family.label.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The designs the family runs in this build ({@code engine}: the database family's, else null); none when its
     * power is another shard's unit.
     */
    public List<String> running(Engine engine) {
        return CorpusEntry.names(corpus.stream().filter(e -> e.runs(family, engine)));
    }

    /** Runs {@code suite} over some of the designs ({@code settings} say which), its evidence in the nested run {@code label}. */
    public void run(Class<?> suite, String label, Map<String, String> settings) {
        if (!inThisShard) {
            return; // said: another shard's unit
        }
        if (settings.getOrDefault(Designs.ONLY, "x").isBlank()) {
            System.out.printf("[power] %s: no corpus design runs there in this build%n", label);
            return; // the suite would run every design
        }
        long start = System.nanoTime();
        SuiteVerdicts.Answer part = SuiteVerdicts.of(suite, label, settings);
        System.out.printf("[power] %s: %d cells judged in %.1f s%n", label, part.verdicts().size(),
                (System.nanoTime() - start) / 1e9);
        part.verdicts().forEach((cell, v) -> System.out.printf("[power]   %-60s %-10s %5.1f s %s%n", cell, v.outcome(),
                v.seconds(), v.outcome() == SuiteVerdicts.Outcome.HELD ? "" : v.summary()));
        part.suiteFailures().forEach(f -> System.out.printf("[power]   failed outside any design: %s%n", f));
        answer = answer.and(part);
    }

    /**
     * Tallies every run so far over the cells that ran ({@code engines}: those reached, for the database family),
     * prints the family's power, writes its row into this run's {@code power/power.json}, and fails naming every
     * miss, false alarm and cell not judged, with {@code rerun}.
     */
    public void recordAndCheck(List<Engine> engines, String rerun) {
        if (!inThisShard) {
            return; // said: another shard's unit, which passes here
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        Tally tally = Tally.of(family, corpus, family.perEngine ? engines : Arrays.asList((Engine) null), answer);
        System.out.printf("[power] %s%n[power] written to %s%n", tally.lines(seconds), PowerFile.merge(tally.row(seconds)));
        if (!tally.full()) {
            fail(family.label + " lacks power over the corpus: " + tally.lines(seconds) + "\nEach suite's evidence is"
                    + " under " + SuiteVerdicts.nestedRuns() + ". Rerun: " + rerun);
        }
    }
}
