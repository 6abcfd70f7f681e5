package dev.oversell.design;

/** Where a design runs, the axis along which its claims differ. */
public enum Deployment {
    /** Many threads, one JVM, one instance of the design. */
    SINGLE_INSTANCE,
    /** Several instances (app servers) of the design sharing one store, such as a database. */
    SHARED_STORE
}
