package dev.oversell.properties;

import dev.oversell.properties.deployment.DeploymentSuite;

/** Oversell's own designs (the catalogue, registered in this module's test resources) through the public suite. */
class BuiltInDeploymentTest extends DeploymentSuite {
}
