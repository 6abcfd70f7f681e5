package dev.oversell.properties.database.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gate takes a statement to touch, from its text: the tables it names when the text bounds it, and
 * "anything" (null) whenever it does not.
 */
class StatementTablesTest {

    @Test
    void theTablesOfReadsAndWritesAsTheLibrariesSendThem() {
        // Hibernate 7 on PostgreSQL, PESSIMISTIC_WRITE
        assertThat(StatementTables.of("select s1_0.id,s1_0.stock from stock_item s1_0 where s1_0.id=? for no key update"))
                .isEqualTo(Set.of("stock_item"));
        assertThat(StatementTables.of("UPDATE `Stock` SET stock = stock - ? WHERE product = ? AND stock >= ?"))
                .isEqualTo(Set.of("stock"));
        assertThat(StatementTables.of("INSERT INTO ovs_sched_purchases (request_id, product) VALUES (?, ?)"))
                .isEqualTo(Set.of("ovs_sched_purchases"));
        assertThat(StatementTables.of("SELECT s.stock - (SELECT COALESCE(SUM(p.quantity), 0) FROM purchases p"
                + " WHERE p.product = s.product) FROM \"STOCK\" s WHERE s.product = ?"))
                .isEqualTo(Set.of("stock", "purchases"));
        assertThat(StatementTables.of("DELETE FROM a WHERE x IN (SELECT y FROM b)")).isEqualTo(Set.of("a", "b"));
    }

    @Test
    void aTextThatDoesNotBoundWhatItTouchesTouchesAnything() {
        assertThat(StatementTables.of("SELECT nextval('orders_seq')")).isNull();
        assertThat(StatementTables.of("SELECT reserve(?, ?) FROM stock")).isNull(); // a function may do anything
        assertThat(StatementTables.of("SELECT * FROM generate_series(1, 3)")).isNull();
        assertThat(StatementTables.of("UPDATE a SET x = 1; UPDATE b SET y = 1")).isNull(); // two statements
        assertThat(StatementTables.of("SELECT * FROM other_schema.stock")).isNull();
        assertThat(StatementTables.of("CALL buy(?, ?)")).isNull();
        assertThat(StatementTables.of("LOCK TABLE stock IN EXCLUSIVE MODE")).isNull();
        assertThat(StatementTables.of("COMMIT")).isNull();
        assertThat(StatementTables.of("SELECT 1")).isNull();
        assertThat(StatementTables.of("not sql at all")).isNull();
        // functions and sequences in clauses JSqlParser's table finder does not visit: its deparser does
        assertThat(StatementTables.of("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = reserve(1)")).isNull();
        assertThat(StatementTables.of("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = reserve(1)")).isNull();
        assertThat(StatementTables.of("UPDATE t SET a = 1 WHERE b = 2 RETURNING audit(a)")).isNull();
        assertThat(StatementTables.of("SELECT my_rank(a) OVER (ORDER BY a) FROM t")).isNull();
        assertThat(StatementTables.of("INSERT INTO t (id) VALUES (NEXT VALUE FOR s)")).isNull();
        assertThat(StatementTables.of("SELECT a FROM t ORDER BY reserve(a)")).isNull();
    }
}
