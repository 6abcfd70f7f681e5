package dev.oversell.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./verdicts} rewrites {@code docs/verdict-matrix.md}, the README's excerpt and {@code docs/running.md}'s
 * timings from a full run only: it asks {@code .ci/partial-run} first, which must call a run partial exactly when
 * {@link RunReport#partial} would, for every one of {@link RunReport#PARTIAL}'s settings (a shard, a chosen design,
 * one seed, some jcstress scenarios, a test filter). Run from the report module, whose parent folder is the
 * repository.
 */
class PartialRunScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve(".ci/partial-run");

    private record Said(boolean partial, String line) {
    }

    /** What {@code .ci/partial-run args} says, with {@code OVERSELL_SHARD} set to {@code shardVariable} (null: unset). */
    private static Said script(String shardVariable, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("OVERSELL_SHARD");
        if (shardVariable != null) {
            builder.environment().put("OVERSELL_SHARD", shardVariable);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = process.waitFor();
        assertThat(status).as(".ci/partial-run %s's status; it said: %s", List.of(args), out).isIn(0, 1);
        return new Said(status == 0, out);
    }

    /** What RunReport says of the same Maven arguments, each -Dname=value a setting. */
    private static List<String> runReport(String... args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("-D")) {
                String[] nameValue = arg.substring(2).split("=", 2);
                settings.put(nameValue[0], nameValue[1]);
            }
        }
        return RunReport.partial(settings::get);
    }

    @Test
    void everySettingThatMakesARunPartialMakesTheScriptSaySo() throws Exception {
        for (String name : RunReport.PARTIAL) {
            String[] args = {"-Doversell.engines=h2", "-D" + name + "=2/3", "-Pthorough"};
            assertThat(runReport(args)).as("RunReport, of %s", name).containsExactly("-D" + name + "=2/3");
            assertThat(script(null, args)).as(".ci/partial-run, of %s", name).isEqualTo(new Said(true, "-D" + name + "=2/3"));
        }
    }

    @Test
    void aFullRunIsNotPartialForEitherWhateverEnginesItChooses() throws Exception {
        String[] args = {"-Doversell.engines=h2", "-Doversell.shard=1/1", "-Doversell.jcstress.scenarios=all",
                "-Doversell.design=", "-Pthorough", "--no-transfer-progress"};
        assertThat(runReport(args)).isEmpty();
        assertThat(script(null, args)).isEqualTo(new Said(false, ""));
        assertThat(script(null)).isEqualTo(new Said(false, ""));
    }

    @Test
    void theShardIsReadAsEverySuiteReadsItThePropertyElseTheVariable() throws Exception {
        assertThat(script("2/2", "-Doversell.engines=h2")).isEqualTo(new Said(true, "OVERSELL_SHARD=2/2"));
        assertThat(script("2/2", "-Doversell.shard=1/1")).as("the property first").isEqualTo(new Said(false, ""));
        assertThat(script("1/1")).isEqualTo(new Said(false, ""));
        assertThat(script(null, "-D", "oversell.shard=1/2")).as("-D name=value").isEqualTo(new Said(true,
                "-Doversell.shard=1/2"));
    }

    @Test
    void verdictsAsksBeforeItRewritesThePagesOfAFullRun() throws IOException {
        String verdicts = Files.readString(ROOT.resolve("verdicts"));
        int asks = verdicts.indexOf("partial=$(.ci/partial-run ");
        assertThat(asks).as("./verdicts asks .ci/partial-run").isNotNegative();
        for (String rewrite : List.of("  write_timings \"$@\"", "  write_readme", "} > \"$docs\"")) {
            int at = verdicts.indexOf(rewrite);
            assertThat(at).as("%s in ./verdicts", rewrite).isGreaterThan(asks);
            String before = verdicts.substring(0, at);
            assertThat(before.lastIndexOf("if [ -n \"$partial\" ]")).as("a test of $partial before %s", rewrite)
                    .isGreaterThan(before.lastIndexOf("\nfi\n"));
        }
    }
}
