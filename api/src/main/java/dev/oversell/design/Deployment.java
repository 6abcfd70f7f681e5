package dev.oversell.design;

/** Where a variant runs, the axis along which its claims differ. */
public enum Deployment {
    /** Many threads, one JVM, one instance of the variant. */
    SINGLE_INSTANCE,
    /** Several instances (app servers) of the variant sharing one store, such as a database. */
    SHARED_STORE
}
