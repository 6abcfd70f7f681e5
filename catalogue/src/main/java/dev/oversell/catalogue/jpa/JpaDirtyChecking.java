package dev.oversell.catalogue.jpa;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.JpaBeans;
import dev.oversell.spring.SpringContextInventory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

/**
 * The classic Spring Boot oversell: a {@code @Transactional} service loads the {@link StockItem} with
 * {@link EntityManager#find}, checks its stock in Java and decrements it; Hibernate's dirty checking writes the
 * row when the transaction commits. At the engine's default isolation.
 *
 * <p><b>SQL</b> (as Hibernate 7.2 sends it; {@code db/jpa-dirty-checking/V1__stock.sql} creates {@code stock_item})
 * <pre>
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product=?
 *   update stock_item set stock=? where product=?     -- the flush as the commit begins; none when too few
 *   COMMIT
 * </pre>
 *
 * <p><b>Why:</b> on MariaDB with {@code innodb_snapshot_isolation=ON} (11.6.2's default) the flush's UPDATE is refused
 * (1020) and that purchase fails, nothing applied. It is read-then-set with the SQL hidden: the entity holds the stock
 * read, the UPDATE writes an absolute value computed from it, and nothing ties the two. READ COMMITTED (H2's and
 * PostgreSQL's default) lets both buyers read 1; MariaDB's default REPEATABLE READ does too, and its UPDATE writes over
 * a row another transaction changed since. Both are told "purchased".
 *
 * <p><b>Where it breaks</b> (one unit of {@code sku-1}; the first oversold schedule the gate ran, the same on H2,
 * PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product='sku-1'; -- 1 row: ('sku-1', 1)
 *   update stock_item set stock=0 where product='sku-1'; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product='sku-1'; -- 1 row: ('sku-1', 1)
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   update stock_item set stock=0 where product='sku-1'; -- 1 row affected
 *   COMMIT;
 *   -- oversold: 2 units sold, 1 existed; stock now 0
 * </pre>
 * T2 reads the committed 1 beside T1's uncommitted write (no engine blocks a plain read on it), and its write
 * of 0 says nothing about what it read.
 * {@link JpaOptimisticVersion} ({@code @Version}) and {@link JpaPessimisticWrite} ({@code PESSIMISTIC_WRITE})
 * are the two JPA answers.
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jpa-dirty-checking}): in one instance, may oversell on H2, PostgreSQL and MariaDB; never
 * oversells on MariaDB with snapshot isolation. With several instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jpa-dirty-checking}
 * <!-- /produced -->
 */
public final class JpaDirtyChecking extends SpringContextInventory {

    /** The design's key: its migration is {@code db/jpa-dirty-checking/}. */
    public static final String KEY = "jpa-dirty-checking";

    public JpaDirtyChecking(DataSource dataSource) {
        super(dataSource, "stock_item", false, Wiring.class);
    }

    /** The service as a Spring application has it: a bean whose public methods are transactions. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            StockItem item = item(request.product());
            if (item.stock() < request.quantity()) {
                return PurchaseResult.outOfStock(request, item.stock());
            }
            item.take(request.quantity()); // written by dirty checking when the transaction commits
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            return item(product).stock();
        }

        private StockItem item(String product) {
            StockItem item = entityManager.find(StockItem.class, product);
            if (item == null) {
                throw new UnknownProductException(product);
            }
            return item;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Wiring {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            return JpaBeans.entityManagerFactory(dataSource, StockItem.class);
        }

        @Bean
        JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }

        @Bean
        StockService stockService() {
            return new StockService();
        }
    }
}
