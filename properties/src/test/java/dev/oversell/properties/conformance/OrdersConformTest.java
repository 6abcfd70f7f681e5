package dev.oversell.properties.conformance;

import dev.oversell.design.InMemoryDesign;
import dev.oversell.model.reference.SequentialInventory;
import dev.oversell.properties.Seeds;
import dev.oversell.properties.concurrency.faulty.OrderTakenLineByLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;

import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A design that takes orders is sent orders in its seeded sequences, against the specification's answers: one that
 * refuses an order with its first lines already taken disagrees (the stock it reads next); the specification,
 * declared as a design, agrees with itself.
 */
class OrdersConformTest {

    private static final int SEQUENCES = 50;

    @Test
    void anOrderRefusedWithItsFirstLinesTakenDisagreesWithTheSpecification() {
        InMemoryDesign design = InMemoryDesign.named("order-taken-line-by-line")
                .of(OrderTakenLineByLine.class, OrderTakenLineByLine::new).runsOnCallerThread()
                .claims(NEVER_OVERSELLS).mechanism("takes each line as it checks it").build();
        long base = Seeds.base();
        System.out.printf("[conformance] %d sequences with orders, base seed %d%n", SEQUENCES, base);

        assertThatThrownBy(() -> LongStream.range(0, SEQUENCES)
                .forEach(i -> ConformanceSuite.check(design, Seeds.derived(base, (int) i))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("place(");
    }

    /** A design declared not to de-duplicate request ids is sent orders, but never the same id twice. */
    @Test
    void aDesignThatDoesNotDeduplicateIsSentNoIdTwiceInItsOrders() {
        long base = Seeds.base();
        for (int i = 0; i < SEQUENCES; i++) {
            OperationGenerator generator = new OperationGenerator(Seeds.derived(base, i), false, true, true);
            generator.initialStock();
            List<Operation> sequence = generator.sequence(60);
            List<String> ids = sequence.stream().map(o -> o instanceof Operation.Place place ? place.order().requestId()
                    : o instanceof Operation.Buy buy ? buy.request().requestId() : null).filter(Objects::nonNull).toList();
            assertThat(sequence).as("orders are sent").anyMatch(Operation.Place.class::isInstance);
            assertThat(ids).as("seed %d", Seeds.derived(base, i)).doesNotHaveDuplicates();
        }
    }

    @Test
    void theSpecificationDeclaredAsADesignConformsOnSequencesWithOrders() {
        InMemoryDesign design = InMemoryDesign.named("specification")
                .of(SequentialInventory.class, SequentialInventory::new).runsOnCallerThread()
                .claims(NEVER_OVERSELLS).mechanism("the specification").build();
        long base = Seeds.base();
        OperationGenerator generator = new OperationGenerator(base, true, true, true);
        generator.initialStock();
        assertThat(generator.sequence(60)).as("orders are sent").anyMatch(Operation.Place.class::isInstance);

        LongStream.range(0, SEQUENCES).forEach(i -> ConformanceSuite.check(design, Seeds.derived(base, (int) i)));
    }
}
