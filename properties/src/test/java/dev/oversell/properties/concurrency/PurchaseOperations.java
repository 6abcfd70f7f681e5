package dev.oversell.properties.concurrency;

/**
 * The oversell hunt: purchases and stock reads only, nothing ever adds stock. Here any broken invariant means
 * more units were sold than ever existed, so a failure is an oversell by construction.
 */
public class PurchaseOperations extends OperationsOnVariant {
}
