package dev.oversell.catalogue.spring;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.util.List;

/**
 * The classic oversell, as a Spring service writes it: a {@code @Transactional} method on {@link JdbcTemplate}
 * reads the stock, checks it in Java and writes the new value back, at the engine's default isolation.
 *
 * <p><b>SQL</b> ({@code db/jdbc-template-read-then-set/V1__stock.sql} creates {@code stock})
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ? WHERE product = ?       -- stock read minus quantity; skipped when too few
 *   COMMIT
 * </pre>
 *
 * <p><b>Why:</b> on MariaDB with {@code innodb_snapshot_isolation=ON} (11.6.2's default) the second writer's UPDATE is
 * refused (1020) and its purchase fails, nothing applied. {@code @Transactional} makes the read and the write one
 * transaction, not one decision: the default isolation is READ COMMITTED on H2 and PostgreSQL and REPEATABLE READ on
 * MariaDB, and none of them stops two transactions reading the same stock, nor (MariaDB's REPEATABLE READ included,
 * whose UPDATE writes over a row changed since its snapshot) the second write overwriting the first: a lost update, and
 * two buyers told "purchased" for one unit.
 *
 * <p><b>Where it breaks</b> (one unit of {@code sku-1}; the first oversold schedule the gate ran, the same on H2,
 * PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'sku-1'; -- 1 row: (1)
 *   UPDATE stock SET stock = 0 WHERE product = 'sku-1'; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   SELECT stock FROM stock WHERE product = 'sku-1'; -- 1 row: (1)
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   UPDATE stock SET stock = 0 WHERE product = 'sku-1'; -- 1 row affected
 *   COMMIT;
 *   -- oversold: 2 units sold, 1 existed; stock now 0
 * </pre>
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jdbc-template-read-then-set}): in one instance, may oversell on H2, PostgreSQL and MariaDB;
 * never oversells on MariaDB with snapshot isolation. With several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jdbc-template-read-then-set}
 * <!-- /produced -->
 */
public final class JdbcTemplateReadThenSet extends SpringContextInventory {

    /** The design's key: its migration is {@code db/jdbc-template-read-then-set/}. */
    public static final String KEY = "jdbc-template-read-then-set";

    public JdbcTemplateReadThenSet(DataSource dataSource) {
        super(dataSource, "stock", false, Wiring.class);
    }

    /** The service as a Spring application has it: a bean whose public methods are transactions. */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;

        public StockService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            long stock = stock(request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            jdbc.update("UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            List<Long> rows = jdbc.queryForList("SELECT stock FROM stock WHERE product = ?", Long.class, product);
            if (rows.isEmpty()) {
                throw new UnknownProductException(product);
            }
            return rows.get(0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Wiring {

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        DataSourceTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        StockService stockService(JdbcTemplate jdbcTemplate) {
            return new StockService(jdbcTemplate);
        }
    }
}
