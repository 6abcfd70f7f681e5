package dev.oversell.properties.conformance;

import dev.oversell.design.Variants;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.design.Variant;
import dev.oversell.model.Inventory;
import dev.oversell.model.reference.SequentialInventory;
import dev.oversell.run.Reproduce;
import dev.oversell.run.TestNames;
import dev.oversell.properties.Seeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.oversell.properties.Failures.fail;

/**
 * Every design, called one operation at a time, gives exactly the specification's answers on many
 * seeded random sequences (bad input included). Concurrency is the other suites' job; this one pins down
 * what the answers must be.
 *
 * <p>A project runs it with {@code class ShopConformanceTest extends ConformanceSuite {}}. Rerun one seed:
 * {@code -Doversell.seed=N} (a failure prints the whole command). More sequences: {@code -Doversell.sequences=N} (in-memory
 * designs, 300 by default) and {@code -Doversell.databaseSequences=N} (database designs, 60).
 */
public abstract class ConformanceSuite {

    private static final int SEQUENCES = Seeds.intProperty("oversell.sequences", 300);
    /** A database design builds a private H2 per sequence, and its answers do not depend on timing: fewer suffice. */
    private static final int DATABASE_SEQUENCES = Seeds.intProperty("oversell.databaseSequences", 60);
    private static final int LENGTH = Seeds.intProperty("oversell.sequenceLength", 60);

    @TestFactory
    public Stream<DynamicTest> everyVariantGivesTheSpecificationsAnswers() {
        Reproduce.ranBy(ConformanceSuite.class, getClass());
        long base = Seeds.base();
        long[] seeds = Seeds.single().isPresent()
                ? new long[] {Seeds.single().getAsLong()}
                : IntStream.range(0, SEQUENCES).mapToLong(i -> Seeds.derived(base, i)).toArray();
        System.out.printf("[conformance] %d sequences (%d for a database design) of %d operations per variant,"
                + " base seed %d%n", seeds.length, Math.min(seeds.length, DATABASE_SEQUENCES), LENGTH, base);
        return Variants.selected().stream().map(variant -> DynamicTest.dynamicTest(
                TestNames.of(variant.name(), "conforms to the specification"),
                () -> LongStream.of(seeds).limit(variant.inMemory() ? seeds.length : DATABASE_SEQUENCES)
                        .forEach(seed -> check(variant, seed))));
    }

    /**
     * One seeded sequence through {@code variant} and the specification. A design that declares it does not
     * de-duplicate request ids is not sent the same id twice; one declared without restock
     * ({@link DatabaseVariant#restocks()}) is sent no restock, as no other suite sends it one.
     */
    static void check(Variant variant, long seed) {
        boolean resubmits = !(variant instanceof DatabaseVariant database) || database.deduplicatesRequestIds();
        boolean restocks = !(variant instanceof DatabaseVariant database) || database.restocks();
        OperationGenerator generator = new OperationGenerator(seed, resubmits, restocks);
        Map<String, Long> stock = generator.initialStock();
        List<Operation> operations = generator.sequence(LENGTH);
        try (Inventory specification = new SequentialInventory(stock); Inventory candidate = variant.create(stock)) {
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
                            .formatted(variant.name(), i, seed, stock, operations.subList(0, i + 1),
                                    expected, actual, Reproduce.command(ConformanceSuite.class, "oversell.seed=" + seed,
                                            Variants.ONLY + "=" + variant.name())));
                }
            }
        }
    }
}
