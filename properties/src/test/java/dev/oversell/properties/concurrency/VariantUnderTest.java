package dev.oversell.properties.concurrency;

import dev.oversell.catalogue.Variant;

/**
 * Which catalogue variant {@link InventoryOperations} builds. Lincheck creates test instances itself, through a
 * no-argument constructor, so the one generic test class reads the variant from here; the driver sets it
 * before each check. Checks run one after another, never in parallel.
 */
final class VariantUnderTest {

    private static volatile Variant current;

    private VariantUnderTest() {
    }

    static void set(Variant variant) {
        current = variant;
    }

    static Variant get() {
        Variant variant = current;
        if (variant == null) {
            throw new IllegalStateException("no variant under test: run through LinearizabilityTest");
        }
        return variant;
    }
}
