package dev.oversell.power.database.designs;

import dev.oversell.model.UnknownProductException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The stock read every Spring JDBC design of the corpus shares: one {@code SELECT} of the product's row. */
final class SpringStock {

    private SpringStock() {
    }

    static long read(JdbcTemplate jdbc, String table, String product) {
        List<Long> rows = jdbc.queryForList("SELECT stock FROM " + table + " WHERE product = ?", Long.class, product);
        if (rows.isEmpty()) {
            throw new UnknownProductException(product);
        }
        return rows.get(0);
    }
}
