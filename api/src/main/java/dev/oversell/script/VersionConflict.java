package dev.oversell.script;

import java.sql.SQLException;

/** Thrown by an optimistic step whose conditional update matched no row: someone else changed the version. */
public final class VersionConflict extends SQLException {

    private static final long serialVersionUID = 1L;

    public VersionConflict(String message) {
        super(message);
    }
}
