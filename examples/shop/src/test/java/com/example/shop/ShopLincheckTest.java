package com.example.shop;

import dev.oversell.properties.concurrency.LincheckSuite;

class ShopLincheckTest extends LincheckSuite {
}
