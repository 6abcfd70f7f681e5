package dev.oversell.spring;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The context's beans run over exactly the data source the inventory is given; a restock is the shared atomic
 * statement; closing the inventory closes the context and leaves the data source open.
 */
class SpringContextInventoryTest {

    @Test
    void theContextsBeansUseTheGivenDataSourceWhichOutlivesTheInventory() throws Exception {
        DataSource dataSource = FreshH2.open();
        FreshH2.run(dataSource, List.of("CREATE TABLE stock (product VARCHAR(100) PRIMARY KEY, stock BIGINT NOT NULL)",
                "INSERT INTO stock VALUES ('sku-1', 1)"));
        GuardedUpdate inventory = new GuardedUpdate(dataSource);

        assertThat(inventory.bean(DataSource.class)).isSameAs(dataSource);
        assertThat(inventory.buy(PurchaseRequest.of("r1", "sku-1", 1))).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(inventory.buy(PurchaseRequest.of("r2", "sku-1", 1))).isInstanceOf(PurchaseResult.OutOfStock.class);
        inventory.restock("sku-1", 2);
        assertThat(inventory.stock("sku-1")).isEqualTo(2);

        inventory.close();
        assertThatThrownBy(() -> inventory.stock("sku-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GuardedUpdate is closed");
        assertThatThrownBy(() -> inventory.restock("sku-1", 1)).isInstanceOf(IllegalStateException.class);
        assertThat(FreshH2.queryLong(dataSource, "SELECT stock FROM stock")).as("the data source is still open")
                .isEqualTo(2);
    }

    /** A design as a project writes one: its service bean over a JdbcTemplate of the context's DataSource. */
    static final class GuardedUpdate extends SpringContextInventory {

        GuardedUpdate(DataSource dataSource) {
            super(dataSource, "stock", false, Wiring.class);
        }

        @Configuration
        static class Wiring {
            @Bean
            InventoryService service(DataSource dataSource) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                return new InventoryService() {
                    @Override
                    public PurchaseResult buy(PurchaseRequest request) {
                        int sold = jdbc.update("UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?",
                                request.quantity(), request.product(), request.quantity());
                        return sold == 1 ? PurchaseResult.purchased(request)
                                : PurchaseResult.outOfStock(request, stock(request.product()));
                    }

                    @Override
                    public long stock(String product) {
                        return jdbc.queryForObject("SELECT stock FROM stock WHERE product = ?", Long.class, product);
                    }
                };
            }
        }
    }
}
