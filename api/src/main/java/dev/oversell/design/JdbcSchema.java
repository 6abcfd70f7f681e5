package dev.oversell.design;

import java.util.List;
import java.util.Objects;

/**
 * The tables a database design keeps its stock in, as the design's owner writes them: the DDL that creates them,
 * the DDL that drops them, the statement that stocks a product ({@code INSERT ... VALUES (?, ?)}: product, units)
 * and the stock reader ({@code SELECT stock ... WHERE product = ?}: the units of one product). The checkers create
 * the tables afresh for every schedule and run, check that the reader sees what was stocked before anything runs,
 * and drop them whatever the outcome. The names are the design's own and stay the same from run to run, so a
 * script the checker prints can be replayed as it is. Optionally, the statements that empty the tables
 * ({@code DELETE FROM ...}): then the tables are emptied between schedules rather than dropped and created
 * again, which is several times faster on a server. On MariaDB the statement gate runs a whole-table
 * {@code DELETE FROM t} as {@code TRUNCATE TABLE t}: InnoDB's deleted rows wait for its purge, and a locking read
 * locks them, so the tables would not start every schedule alike.
 */
public record JdbcSchema(List<String> create, List<String> drop, String stockProduct, String readStock,
                         List<String> empty) {

    /** A schema whose tables are dropped and created again between schedules. */
    public JdbcSchema(List<String> create, List<String> drop, String stockProduct, String readStock) {
        this(create, drop, stockProduct, readStock, List.of());
    }

    public JdbcSchema {
        create = List.copyOf(create);
        drop = List.copyOf(drop);
        empty = List.copyOf(empty);
        Objects.requireNonNull(stockProduct, "stockProduct");
        Objects.requireNonNull(readStock, "readStock");
        if (create.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one CREATE statement");
        }
        if (drop.isEmpty()) {
            throw new IllegalArgumentException("a schema needs the statements that drop its tables");
        }
        if (parameters(stockProduct) != 2) {
            throw new IllegalArgumentException("the stocking statement takes two parameters (product, units): "
                    + stockProduct);
        }
        if (parameters(readStock) != 1) {
            throw new IllegalArgumentException("the stock reader takes one parameter (product): " + readStock);
        }
    }

    /**
     * One table {@code table (product VARCHAR(100) PRIMARY KEY, stock BIGINT NOT NULL)}: the shape of the
     * stock row every textbook oversell is written against.
     */
    public static JdbcSchema stockTable(String table) {
        return new JdbcSchema(
                List.of("CREATE TABLE " + table + " (product VARCHAR(100) NOT NULL PRIMARY KEY, stock BIGINT NOT NULL)"),
                List.of("DROP TABLE IF EXISTS " + table),
                "INSERT INTO " + table + " (product, stock) VALUES (?, ?)",
                "SELECT stock FROM " + table + " WHERE product = ?",
                List.of("DELETE FROM " + table));
    }

    /** The same tables, emptied between schedules by {@code statements} ({@code DELETE FROM ...}). */
    public JdbcSchema emptiedBy(String... statements) {
        return new JdbcSchema(create, drop, stockProduct, readStock, List.of(statements));
    }

    private static int parameters(String sql) {
        int count = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                count++;
            }
        }
        return count;
    }
}
