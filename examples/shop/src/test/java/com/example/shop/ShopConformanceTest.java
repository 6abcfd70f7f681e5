package com.example.shop;

import dev.oversell.properties.conformance.ConformanceSuite;

class ShopConformanceTest extends ConformanceSuite {
}
