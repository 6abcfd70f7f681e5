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
 * The check and the act in one statement, as a Spring service writes it: a {@code @Transactional} method on
 * {@link JdbcTemplate} sends {@code UPDATE ... SET stock = stock - ? WHERE product = ? AND stock >= ?} and
 * judges the purchase by the update count, at the engine's default isolation.
 *
 * <p><b>SQL</b> ({@code db/jdbc-template-guarded-update/V1__stock.sql} creates {@code stock})
 * <pre>
 *   UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?   -- 1 row: purchased
 *   SELECT stock FROM stock WHERE product = ?                              -- 0 rows: the stock seen, or unknown
 *   COMMIT
 * </pre>
 *
 * <p><b>Why:</b> the UPDATE takes the row's lock and evaluates its
 * {@code WHERE} on the latest committed row (PostgreSQL re-checks it after waiting, InnoDB's UPDATE is a locking
 * read at any isolation, H2 locks the row): a second buyer waits for the first to commit, then finds
 * {@code stock >= 1} false. The decision is the engine's, on the current value, never on a stale read in Java.
 *
 * <p><b>Where a second buyer is refused</b> (one unit of {@code sku-1}; as the gate ran it, the same on H2,
 * PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'sku-1' AND stock >= 1; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   UPDATE stock SET stock = stock - 1 WHERE product = 'sku-1' AND stock >= 1; -- blocked, waiting for a lock
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   -- the UPDATE above returns: 0 rows affected
 *   SELECT stock FROM stock WHERE product = 'sku-1'; -- 1 row: (0)
 *   COMMIT;
 * </pre>
 * T2 answers "out of stock".
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jdbc-template-guarded-update}): in one instance, never oversells on every engine. With
 * several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jdbc-template-guarded-update}
 * <!-- /produced -->
 */
public final class JdbcTemplateGuardedUpdate extends SpringContextInventory {

    /** The design's key: its migration is {@code db/jdbc-template-guarded-update/}. */
    public static final String KEY = "jdbc-template-guarded-update";

    public JdbcTemplateGuardedUpdate(DataSource dataSource) {
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
            int taken = jdbc.update("UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?",
                    request.quantity(), request.product(), request.quantity());
            if (taken == 1) {
                return PurchaseResult.purchased(request);
            }
            return PurchaseResult.outOfStock(request, stock(request.product()));
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
