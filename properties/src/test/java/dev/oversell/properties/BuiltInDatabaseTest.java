package dev.oversell.properties;

import dev.oversell.properties.database.DatabaseSuite;

/** Oversell's own designs (the catalogue, registered in this module's test resources) through the public suite. */
class BuiltInDatabaseTest extends DatabaseSuite {
}
