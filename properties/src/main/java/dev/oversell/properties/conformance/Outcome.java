package dev.oversell.properties.conformance;

import dev.oversell.model.Inventory;

/**
 * What one {@link Operation} gave: a value, or the class of the exception it threw. Exceptions are
 * compared by class (messages may word things differently), values by {@code equals}.
 */
record Outcome(Object value, Class<? extends Throwable> thrown, String message) {

    static Outcome of(Operation operation, Inventory inventory) {
        try {
            return new Outcome(operation.applyTo(inventory), null, null);
        } catch (RuntimeException error) {
            return new Outcome(null, error.getClass(), error.getMessage());
        }
    }

    boolean sameAs(Outcome other) {
        return thrown == null ? other.thrown == null && value.equals(other.value) : thrown.equals(other.thrown);
    }

    @Override
    public String toString() {
        return thrown == null ? String.valueOf(value) : "throws " + thrown.getSimpleName() + " (" + message + ")";
    }
}
