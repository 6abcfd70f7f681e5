package dev.oversell.properties;

import dev.oversell.properties.concurrency.LincheckSuite;

/** Oversell's own designs (the catalogue, registered in this module's test resources) through the public suite. */
class BuiltInLincheckTest extends LincheckSuite {
}
