package dev.oversell.properties.conformance;

import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.properties.Seeds;
import org.junit.jupiter.api.Test;

import static dev.oversell.design.Claim.NEVER_OVERSELLS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A correct design declared the documented one-method way ({@code .jdbc(schema, purchase)}) has no restock; the
 * conformance suite, like the database and deployment suites, sends it none, so it conforms instead of raising a
 * false alarm on the restock it never claimed to have.
 */
class OneMethodDesignConformsTest {

    private static final int SEQUENCES = 20;

    @Test
    void aCorrectOneMethodDesignConformsWithoutBeingSentARestock() {
        JdbcSchema schema = JdbcSchema.stockTable("one_method_stock");
        DatabaseDesign design = DatabaseDesign.named("one-method-guarded-update").jdbc(schema,
                (dataSource, requestId, product, quantity) -> {
                    try (var c = dataSource.getConnection(); var take = c.prepareStatement(
                            "UPDATE one_method_stock SET stock = stock - ? WHERE product = ? AND stock >= ?")) {
                        take.setInt(1, quantity);
                        take.setString(2, product);
                        take.setInt(3, quantity);
                        return take.executeUpdate() == 1 ? quantity : 0;
                    }
                })
                .doesNotDeduplicateRequestIds()
                .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS).mechanism("guarded UPDATE").build();
        assertThat(design.restocks()).as("a one-method design is declared without restock").isFalse();
        long base = Seeds.base();
        System.out.printf("[conformance] %d sequences of a one-method design, base seed %d%n", SEQUENCES, base);
        for (int i = 0; i < SEQUENCES; i++) {
            ConformanceSuite.check(design, Seeds.derived(base, i));
        }
    }
}
