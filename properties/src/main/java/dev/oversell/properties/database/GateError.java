package dev.oversell.properties.database;

/**
 * The step gate could not run a schedule as given (it missed a lock wait, a step neither finished nor
 * blocked in time, a step was left unrun): the schedule proves nothing, and the run fails with this error
 * rather than count it as held.
 */
public final class GateError extends AssertionError {

    private static final long serialVersionUID = 1L;

    public GateError(String message) {
        super(message);
    }
}
