package dev.oversell.properties;

import dev.oversell.design.Designs;
import dev.oversell.properties.concurrency.LincheckSuite;
import dev.oversell.properties.conformance.ConformanceSuite;
import dev.oversell.properties.database.DatabaseSuite;
import dev.oversell.properties.deployment.DeploymentSuite;
import dev.oversell.run.Shard;
import dev.oversell.run.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every leaf test of every suite starts with its design (and engine), so that a report that shows only a leaf's name
 * (Surefire's phrased names) still says which design and check it was, and each design's verdict test is found by
 * {@link TestNames#verdict}. The suites' tests are listed, not run, but for the database suite's over one design on
 * H2 (a plan's schedules are found as they run); whole, whatever shard of a run this JVM was given. Split into two
 * shards, the suites' tests are the whole run's, each in one shard.
 */
class EveryLeafNamesItsDesignTest {

    private static final String DESIGN = "db-conditional-update";
    /** The shard this JVM was given ({@code -Doversell.shard}): the suites are listed whole here, whichever it is. */
    private String shard;

    @BeforeEach
    void onH2AndWhole() {
        System.setProperty("oversell.engines", "h2");
        shard = System.setProperty(Shard.SETTING, Shard.WHOLE.toString());
    }

    @AfterEach
    void everyDesignOnTheConfiguredEngines() {
        System.clearProperty("oversell.engines");
        System.clearProperty(Designs.ONLY);
        if (shard == null) {
            System.clearProperty(Shard.SETTING);
        } else {
            System.setProperty(Shard.SETTING, shard);
        }
    }

    @Test
    void everyInMemoryLeafStartsWithItsDesignAndEachDesignHasOneVerdict() {
        List<String> leaves = leaves(new LincheckSuite() { }.everyDesignIsJudgedByItsClaim());

        assertThat(leaves).isNotEmpty().allSatisfy(leaf -> assertThat(TestNames.read(leaf)).isPresent());
        assertThat(leaves.stream().flatMap(leaf -> TestNames.verdict(leaf).stream()).map(TestNames.Leaf::design))
                .containsExactlyElementsOf(Designs.inMemory().stream().map(v -> v.name()).toList());
        assertThat(leaves(new ConformanceSuite() { }.everyDesignGivesTheSpecificationsAnswers()))
                .hasSameSizeAs(Designs.selected())
                .allSatisfy(leaf -> assertThat(TestNames.read(leaf)).isPresent());
    }

    @Test
    void everyDatabaseLeafStartsWithItsDesignAndEngine() {
        System.setProperty(Designs.ONLY, DESIGN);
        List<String> database = leaves(new DatabaseSuite() { }.everyDatabaseDesignIsJudgedOnEveryEngine(), true);
        List<String> deployment = leaves(new DeploymentSuite() { }.everyDesignIsJudgedWithSeveralInstances());

        // the engine's own reachability test belongs to no design
        assertThat(database).filteredOn(leaf -> !leaf.equals("H2 is reachable")).hasSizeGreaterThan(10)
                .allSatisfy(leaf -> assertThat(TestNames.read(leaf)).get()
                        .extracting(TestNames.Leaf::design, TestNames.Leaf::engine).containsExactly(DESIGN, "H2"));
        assertThat(database).anySatisfy(leaf -> assertThat(leaf).startsWith("[" + DESIGN + " on H2] last unit"));
        assertThat(database).filteredOn(leaf -> TestNames.verdict(leaf).isPresent()).hasSize(1);
        assertThat(deployment).isNotEmpty().allSatisfy(leaf -> assertThat(TestNames.read(leaf)).get()
                .extracting(TestNames.Leaf::design, TestNames.Leaf::engine).containsExactly(DESIGN, "H2"));
        assertThat(deployment).filteredOn(leaf -> TestNames.verdict(leaf).isPresent()).hasSize(1);
    }

    /**
     * Under {@code -Doversell.shard=1/2} and {@code 2/2} the suites (Lincheck, conformance, and the database and
     * deployment checks on H2) offer disjoint sets of each design's tests, which together are the whole run's: no
     * unit lost between the shards, none run twice. A design's tests are compared where the suite names the design,
     * without running them (a database plan's schedules are found only as they run).
     */
    @Test
    void theTestsOfTwoShardsAreTheWholeRunsWithoutOverlap() {
        Map<String, Supplier<List<String>>> suites = new LinkedHashMap<>();
        suites.put("lincheck", () -> namesAt(1, new LincheckSuite() { }.everyDesignIsJudgedByItsClaim()));
        suites.put("conformance", () -> namesAt(1, new ConformanceSuite() { }.everyDesignGivesTheSpecificationsAnswers()));
        suites.put("database", () -> namesAt(2, new DatabaseSuite() { }.everyDatabaseDesignIsJudgedOnEveryEngine()));
        suites.put("deployment", () -> namesAt(2, new DeploymentSuite() { }.everyDesignIsJudgedWithSeveralInstances()));
        suites.forEach((suite, tests) -> {
            List<String> whole = inShard(Shard.WHOLE, tests);
            List<String> first = inShard(new Shard(1, 2), tests);
            List<String> second = inShard(new Shard(2, 2), tests);
            assertThat(whole).as("%s, the whole run", suite).hasSizeGreaterThan(2).doesNotHaveDuplicates();
            assertThat(first).as("%s, 1/2", suite).isNotEmpty().doesNotContainAnyElementsOf(second);
            assertThat(second).as("%s, 2/2", suite).isNotEmpty();
            assertThat(Stream.concat(first.stream(), second.stream()).toList()).as("%s, 1/2 and 2/2", suite)
                    .containsExactlyInAnyOrderElementsOf(whole);
        });
    }

    /** What {@code tests} lists under {@code shard}. */
    private static List<String> inShard(Shard shard, Supplier<List<String>> tests) {
        System.setProperty(Shard.SETTING, shard.toString());
        return tests.get();
    }

    /**
     * The names of the nodes {@code depth} levels down {@code nodes} (1: the nodes themselves), without descending
     * further; of the database suites, an engine's own reachability test, which belongs to no design, left out.
     */
    private static List<String> namesAt(int depth, Stream<? extends DynamicNode> nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> {
            if (depth > 1 && node instanceof DynamicContainer container) {
                names.addAll(namesAt(depth - 1, container.getChildren()));
            } else if (depth == 1 && !node.getDisplayName().endsWith(" is reachable")) {
                names.add(node.getDisplayName());
            }
        });
        return names;
    }

    /** The display names of every test under {@code nodes}, depth first (a container's children as it yields them). */
    private static List<String> leaves(Stream<? extends DynamicNode> nodes) {
        return leaves(nodes, false);
    }

    /**
     * The same, each test run as it is met when {@code run} (as JUnit runs them: a database plan's next schedule
     * is found once the one before it has run); what a test throws is the suite's verdict, not this test's.
     */
    private static List<String> leaves(Stream<? extends DynamicNode> nodes, boolean run) {
        List<String> names = new ArrayList<>();
        nodes.forEach(node -> {
            if (node instanceof DynamicContainer container) {
                names.addAll(leaves(container.getChildren(), run));
            } else if (node instanceof DynamicTest test) {
                names.add(test.getDisplayName());
                if (run) {
                    try {
                        test.getExecutable().execute();
                    } catch (Throwable verdict) {
                        System.out.println(test.getDisplayName() + ": " + verdict);
                    }
                }
            }
        });
        return names;
    }
}
