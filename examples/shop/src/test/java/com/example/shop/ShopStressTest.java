package com.example.shop;

import dev.oversell.stress.StressSuite;

class ShopStressTest extends StressSuite {
}
