package dev.oversell.properties.conformance;

import dev.oversell.design.InventoryFactory;
import dev.oversell.design.Designs;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Design;
import dev.oversell.model.Inventory;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.reference.SequentialInventory;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.report.RunReport;
import dev.oversell.run.Reproduce;
import dev.oversell.run.Shard;
import dev.oversell.run.RunFolder;
import dev.oversell.engine.Engine;
import dev.oversell.run.TestNames;
import dev.oversell.properties.Seeds;
import dev.oversell.store.DatabaseDesigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.oversell.properties.Failures.fail;

/**
 * Every design, called one operation at a time, gives exactly the specification's answers on many
 * seeded random sequences (bad input included). Concurrency is the other suites' job; this one pins down
 * what the answers must be. Each design's result goes to the report as one observation of the family
 * {@code CONFORMANCE} ({@code conformance/observations.json}): the sequences run and the base seed.
 *
 * <p>A project runs it with {@code class ShopConformanceTest extends ConformanceSuite {}}. Rerun one seed:
 * {@code -Doversell.seed=N} (a failure prints the whole command). More sequences: {@code -Doversell.sequences=N} (in-memory
 * designs, 300 by default) and {@code -Doversell.databaseSequences=N} (database designs, 60). A unit of a shard
 * ({@code -Doversell.shard=k/n}, {@link Shard}) is one design.
 */
public abstract class ConformanceSuite {

    private static final int SEQUENCES = Seeds.intProperty("oversell.sequences", 300);
    /** A database design builds a private H2 per sequence, and its answers do not depend on timing: fewer suffice. */
    private static final int DATABASE_SEQUENCES = Seeds.intProperty("oversell.databaseSequences", 60);
    private static final int LENGTH = Seeds.intProperty("oversell.sequenceLength", 60);
    static final String SUITE = "conformance";
    /** The one check of the family, per design. */
    static final String CELL = "the specification's answers, one call at a time";
    private static final List<Observation> OBSERVED = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    public Stream<DynamicTest> everyDesignGivesTheSpecificationsAnswers() {
        Reproduce.ranBy(ConformanceSuite.class, getClass());
        long base = Seeds.base();
        long[] seeds = Seeds.single().isPresent()
                ? new long[] {Seeds.single().getAsLong()}
                : IntStream.range(0, SEQUENCES).mapToLong(i -> Seeds.derived(base, i)).toArray();
        System.out.printf("[conformance] %d sequences (%d for a database design) of %d operations per design,"
                + " base seed %d%n", seeds.length, Math.min(seeds.length, DATABASE_SEQUENCES), LENGTH, base);
        return Shard.current().take(SUITE, Designs.selected(), v -> Shard.unit(SUITE, v.name())).stream()
                .map(variant -> DynamicTest.dynamicTest(
                TestNames.of(variant.name(), "conforms to the specification"),
                () -> conforms(variant, LongStream.of(seeds).limit(variant.inMemory() ? seeds.length
                        : DATABASE_SEQUENCES).toArray(), base)));
    }

    /**
     * Every seed's sequence through {@code design}, recorded for the report as one observation: held over the
     * sequences run, else what the first disagreement showed (answers that fit no sequential order), else not
     * checked when a call threw instead of answering.
     */
    private static void conforms(Design variant, long[] seeds, long base) {
        String reproduce = Reproduce.command(ConformanceSuite.class, Designs.ONLY + "=" + variant.name());
        Coverage sampled = new Coverage.Sampled(seeds.length, 0, "sequences x " + LENGTH + " ops",
                seeds.length == 1 ? seeds[0] : base);
        try {
            LongStream.of(seeds).forEach(seed -> check(variant, seed));
            OBSERVED.add(observation(variant, sampled, Finding.HELD, null, reproduce));
        } catch (AssertionError disagreement) {
            OBSERVED.add(observation(variant, sampled, Finding.NOT_LINEARIZABLE, disagreement.getMessage(), reproduce));
            throw disagreement;
        } catch (RuntimeException thrown) {
            OBSERVED.add(observation(variant, new Coverage.NotChecked("a call threw: " + thrown, reproduce), null,
                    null, reproduce));
            throw thrown;
        }
    }

    private static Observation observation(Design variant, Coverage coverage, Finding finding, String example,
                                           String reproduce) {
        return new Observation(RunFolder.id(), variant.name(), Observation.Family.CONFORMANCE, CELL,
                variant.inMemory() ? null : Engine.H2.label(), null, coverage, finding, null, example, reproduce,
                null, null);
    }

    @AfterAll
    static void writeObservations() {
        List<Observation> observed;
        synchronized (OBSERVED) {
            observed = List.copyOf(OBSERVED);
        }
        Path written = Evidence.writeObservations(SUITE, Designs.selected(), observed);
        System.out.printf("[conformance] %d designs observed, written to %s%n", observed.size(), written);
        RunReport.refresh();
    }

    /**
     * One seeded sequence through {@code design} and the specification. A design that declares it does not
     * de-duplicate request ids is not sent the same id twice; one declared without restock
     * ({@link DatabaseDesign#restocks()}) is sent no restock, as no other suite sends it one. One whose class
     * implements {@code OrderInventory} is sent orders too, against the specification's.
     */
    static void check(Design variant, long seed) {
        boolean resubmits = !(variant instanceof DatabaseDesign database) || database.deduplicatesRequestIds();
        boolean restocks = !(variant instanceof DatabaseDesign database) || database.restocks();
        conforms(variant.name(), variant.type(), resubmits, restocks,
                stock -> DatabaseDesigns.instance(variant, stock), seed, ConformanceSuite.class);
    }

    /**
     * One seeded sequence through an instance {@code create} builds and through the specification, for a design
     * this suite's list does not hold (a Redis design, judged by its own module): the same operations, the same
     * comparison and the same failure as for every design. {@code resubmits}: whether the same request may be sent
     * twice (the design de-duplicates request ids); {@code restocks}: whether restocks are sent. A disagreement
     * fails with an {@link AssertionError} naming the seed and the command that reruns it ({@code suite}'s).
     */
    public static void conforms(String name, Class<?> type, boolean resubmits, boolean restocks,
                                InventoryFactory create, long seed, Class<?> suite) {
        boolean orders = OrderInventory.class.isAssignableFrom(type);
        OperationGenerator generator = new OperationGenerator(seed, resubmits, restocks, orders);
        Map<String, Long> stock = generator.initialStock();
        List<Operation> operations = generator.sequence(LENGTH);
        try (Inventory specification = new SequentialInventory(stock); Inventory candidate = create.create(stock)) {
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                Outcome expected = Outcome.of(operation, specification);
                Outcome actual = Outcome.of(operation, candidate);
                if (!actual.sameAs(expected)) {
                    fail("""
                            %s disagrees with the specification at operation %d of seed %d
                              initial stock: %s
                              operations:    %s
                              expected:      %s
                              got:           %s
                              reproduce:     %s"""
                            .formatted(name, i, seed, stock, operations.subList(0, i + 1),
                                    expected, actual, Reproduce.command(suite, "oversell.seed=" + seed,
                                            Designs.ONLY + "=" + name)));
                }
            }
        }
    }
}
