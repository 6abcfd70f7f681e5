package com.example.bootshop;

import dev.oversell.properties.database.DatabaseSuite;

class BootShopDatabaseTest extends DatabaseSuite {
}
