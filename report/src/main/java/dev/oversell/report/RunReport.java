package dev.oversell.report;

import dev.oversell.run.RunFolder;
import dev.oversell.run.Shard;
import dev.oversell.store.DatabaseSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report of the run in progress, rewritten by every suite when it ends: the report is a function of the run
 * folder alone, so each rewrite is complete for what has been measured so far, and the last suite of a build
 * leaves the whole report, whatever order the suites ran in and whether or not some failed. A project that
 * depends on Oversell gets {@code target/oversell/report/report.html} (and {@code report.md}) this way, with no
 * plugin to configure.
 *
 * <p>A partial run (a printed reproduce command: one design, one seed, some jcstress scenarios, a test filter; a
 * shard; {@link #partial}) never overwrites that report: its report goes into its own run folder, and the console says
 * where.
 */
public final class RunReport {

    /**
     * The settings that make a run partial, when set: a design chosen, one seed, some jcstress scenarios, a shard of
     * the run ({@link Shard}: {@code -Doversell.shard=k/n} or {@code OVERSELL_SHARD}, other than the whole
     * {@code 1/1}), and the test filters Surefire and Failsafe pass on to the tests' JVM ({@code -Dtest},
     * {@code -Dit.test}). An engine subset ({@code oversell.engines}) is not one: a project without database servers
     * runs on H2 alone as its full run, and every database reproduce command chooses a design as well.
     */
    static final List<String> PARTIAL = List.of("oversell.design", "oversell.seed", "oversell.jcstress.scenarios",
            Shard.SETTING, "test", "it.test");

    private RunReport() {
    }

    /** The settings that make this run partial, as {@code -Dname=value}; empty for a full run. */
    public static Optional<String> partial() {
        List<String> set = partial(RunReport::value);
        return set.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", set));
    }

    /**
     * Of the {@link #PARTIAL} settings, as {@code value} gives them (null: not set), those that make a run partial,
     * each as {@code -Dname=value}: set and not blank, but for all jcstress scenarios and the whole run's shard.
     * Empty for a full run. The one rule, whether read from this JVM or from the settings a record says its family
     * was run with ({@link RunEvidence#partial()}).
     */
    static List<String> partial(Function<String, String> value) {
        return PARTIAL.stream().filter(name -> {
            String v = value.apply(name);
            return v != null && !v.isBlank() && !(name.equals("oversell.jcstress.scenarios") && v.trim().equals("all"))
                    && !(name.equals(Shard.SETTING) && Shard.parse(v).whole());
        }).map(name -> "-D" + name + "=" + value.apply(name)).toList();
    }

    /** A setting's value: the shard as every shard reads it (the property, else its variable), else the property. */
    private static String value(String name) {
        return name.equals(Shard.SETTING) ? DatabaseSettings.setting(name, null) : System.getProperty(name);
    }

    /**
     * Where the report of this run goes: {@code report/} beside the folder of runs for a full run; the run's own
     * folder ({@code runs/<id>/report.html}) for a partial one.
     */
    public static Path folder() {
        return partial().isPresent() ? RunFolder.dir().toAbsolutePath() : fullRunReport();
    }

    /** The full run's report: {@code report/} beside the folder of runs. */
    public static Path fullRunReport() {
        return RunFolder.runs().toAbsolutePath().resolveSibling("report");
    }

    /**
     * Rewrites the report of this run. It never fails the suite that calls it: a report that cannot be written
     * (evidence of another run in the folder, a disk error) is said loudly, and the suite's own verdicts stand.
     */
    public static void refresh() {
        try {
            Path folder = folder();
            int status = ReportMain.run(new String[] {RunFolder.dir().toString(), folder.toString()}, System.out,
                    System.out);
            if (status != 0) {
                System.out.println("[report] !!! the report of run " + RunFolder.id() + " was not written (status "
                        + status + ")");
            } else {
                partial().ifPresent(settings -> System.out.println("[report] a partial run (" + settings
                        + "): its report is " + folder.resolve("report.html") + "; the full run's, "
                        + fullRunReport() + ", is left as it was"));
            }
        } catch (IOException | RuntimeException failed) {
            System.out.println("[report] !!! the report of run " + RunFolder.id() + " was not written: " + failed);
        }
    }
}
