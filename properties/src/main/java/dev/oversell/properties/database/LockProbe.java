package dev.oversell.properties.database;

import dev.oversell.engine.Engine;
import dev.oversell.engine.LockWait;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the statement gate learns that a session waits for a lock, and behind whom: by default the engine's own
 * answer ({@link Engine#lockWait}), asked on a connection of its own. A test can hand the gate a blind
 * probe to check that a missed lock wait fails the run instead of passing.
 */
@FunctionalInterface
public interface LockProbe {

    LockWait lockWait(Connection monitor, long sessionId) throws SQLException;

    static LockProbe of(Engine engine) {
        return engine::lockWait;
    }
}
