package dev.oversell.script;

import java.sql.Connection;

/** How a purchase's statements are grouped: each on its own (autocommit), or in one transaction at a level. */
public enum TransactionMode {
    AUTOCOMMIT("autocommit", -1),
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String sql;
    private final int jdbcLevel;

    TransactionMode(String sql, int jdbcLevel) {
        this.sql = sql;
        this.jdbcLevel = jdbcLevel;
    }

    /** As SQL names it ({@code REPEATABLE READ}), or {@code autocommit}. */
    public String sql() {
        return sql;
    }

    public boolean transactional() {
        return this != AUTOCOMMIT;
    }

    int jdbcLevel() {
        return jdbcLevel;
    }
}
