package com.example.bootshop;

import dev.oversell.properties.conformance.ConformanceSuite;

class BootShopConformanceTest extends ConformanceSuite {
}
