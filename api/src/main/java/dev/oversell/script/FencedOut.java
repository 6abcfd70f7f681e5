package dev.oversell.script;

import java.sql.SQLException;

/**
 * Thrown by a single owner's write that the database refused because it carried an old fencing token: another
 * instance has taken the product over since this one claimed it. Nothing was written.
 */
public final class FencedOut extends SQLException {

    private static final long serialVersionUID = 1L;

    public FencedOut(String message) {
        super(message);
    }
}
