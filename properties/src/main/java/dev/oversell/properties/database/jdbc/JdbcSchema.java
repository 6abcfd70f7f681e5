package dev.oversell.properties.database.jdbc;

import java.util.List;

/**
 * The tables a JDBC design keeps its stock in, as the design's owner writes them: the DDL that creates them,
 * the DDL that drops them, the statement that stocks a product ({@code INSERT ... VALUES (?, ?)}: product,
 * units) and the stock reader ({@code SELECT stock ... WHERE product = ?}). The runner creates the tables
 * afresh for every schedule, checks that the reader sees what was stocked before any schedule runs, and drops
 * them whatever the outcome.
 */
public record JdbcSchema(List<String> create, List<String> drop, String stockProduct, String readStock) {

    public JdbcSchema {
        create = List.copyOf(create);
        drop = List.copyOf(drop);
        if (create.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one CREATE statement");
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
                "SELECT stock FROM " + table + " WHERE product = ?");
    }
}
