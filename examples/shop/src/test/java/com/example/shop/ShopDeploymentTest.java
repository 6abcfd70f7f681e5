package com.example.shop;

import dev.oversell.properties.deployment.DeploymentSuite;

class ShopDeploymentTest extends DeploymentSuite {
}
