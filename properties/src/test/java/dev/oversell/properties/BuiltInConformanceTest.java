package dev.oversell.properties;

import dev.oversell.properties.conformance.ConformanceSuite;

/** Oversell's own designs (the catalogue, registered in this module's test resources) through the public suite. */
class BuiltInConformanceTest extends ConformanceSuite {
}
