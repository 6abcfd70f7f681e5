package com.example.shop;

import dev.oversell.properties.database.DatabaseSuite;

class ShopDatabaseTest extends DatabaseSuite {
}
