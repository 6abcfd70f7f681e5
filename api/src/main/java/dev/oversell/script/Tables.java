package dev.oversell.script;

import dev.oversell.engine.Engine;

/**
 * Where a purchase script runs: the names of Oversell's two tables for one store (the stock, and the purchases
 * with their answers) as the engine has them, and the engine, whose errors a script's transcript words. The
 * runtime's store is one; a script names its tables through it, never by hand.
 */
public interface Tables {

    /** {@code product, stock, supply, version, owner_epoch}: one row per product. */
    String stockTable();

    /** {@code request_id, product, quantity, purchased, stock_seen}: one row per request answered. */
    String purchasesTable();

    Engine engine();
}
