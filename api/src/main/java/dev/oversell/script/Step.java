package dev.oversell.script;

import java.sql.SQLException;

/**
 * One step of a purchase transaction (begin, read, write, commit): the unit the interleaving checker schedules.
 * A step runs one or more statements on the transaction's connection, through {@link Tx} so that what it sent
 * and what the engine answered are written down.
 */
public record Step(String name, Action action) {

    @FunctionalInterface
    public interface Action {
        void run(Tx tx) throws SQLException;
    }

    public void run(Tx tx) throws SQLException {
        action.run(tx);
    }
}
