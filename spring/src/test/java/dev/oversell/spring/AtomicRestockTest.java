package dev.oversell.spring;

import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restock adds to the row in one statement (bumping the version of a versioned row); zero units, an unknown
 * product and a stock past {@link Long#MAX_VALUE} are refused and change nothing.
 */
class AtomicRestockTest {

    private DataSource dataSource;

    @BeforeEach
    void stockOneProduct() throws Exception {
        dataSource = FreshH2.open();
        FreshH2.run(dataSource, List.of(
                "CREATE TABLE item (product VARCHAR(100) PRIMARY KEY, stock BIGINT NOT NULL, version BIGINT NOT NULL)",
                "INSERT INTO item VALUES ('sku-1', 2, 0)"));
    }

    @Test
    void addsTheUnitsAndBumpsTheVersionOfAVersionedRow() throws Exception {
        AtomicRestock.restock(dataSource, "item", true, "sku-1", 3);
        assertThat(FreshH2.queryLong(dataSource, "SELECT stock FROM item")).isEqualTo(5);
        assertThat(FreshH2.queryLong(dataSource, "SELECT version FROM item")).isEqualTo(1);

        AtomicRestock.restock(dataSource, "item", false, "sku-1", 1);
        assertThat(FreshH2.queryLong(dataSource, "SELECT stock FROM item")).isEqualTo(6);
        assertThat(FreshH2.queryLong(dataSource, "SELECT version FROM item")).as("unversioned: left alone").isEqualTo(1);
    }

    @Test
    void refusesWhatItCannotAddAndChangesNothing() throws Exception {
        assertThatThrownBy(() -> AtomicRestock.restock(dataSource, "item", false, "sku-1", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtomicRestock.restock(dataSource, "item", false, "sku-404", 1))
                .isInstanceOf(UnknownProductException.class);
        assertThatThrownBy(() -> AtomicRestock.restock(dataSource, "item", false, "sku-1", Long.MAX_VALUE - 1))
                .isInstanceOf(StockOverflowException.class);
        assertThat(FreshH2.queryLong(dataSource, "SELECT stock FROM item")).isEqualTo(2);
    }
}
