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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

/**
 * Optimistic locking, JPA's way: {@link JpaDirtyChecking}'s service on a {@link VersionedStockItem}
 * ({@code @Version}), whose UPDATE only matches the row as it was read; a purchase that lost the race fails
 * with {@link ObjectOptimisticLockingFailureException} (Spring's translation of JPA's
 * {@code OptimisticLockException}), and the caller runs it again in a new transaction, at most
 * {@value #ATTEMPTS} times. At the engine's default isolation.
 *
 * <p><b>SQL</b> (as Hibernate 7.2 sends it; {@code db/jpa-optimistic-version/V1__stock.sql} creates
 * {@code stock_item})
 * <pre>
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product=?
 *   update stock_item set stock=?,version=? where product=? and version=?   -- the flush as the commit begins
 *   COMMIT                                     -- or, 0 rows updated: ROLLBACK, and the whole purchase again
 * </pre>
 *
 * <p><b>Why:</b> the version makes the write conditional on nothing having
 * changed since the read: of two buyers who read version 0, the second one's UPDATE waits for the first one's
 * row lock and then matches no row (PostgreSQL re-checks {@code version = 0} on the committed row, InnoDB's
 * UPDATE reads the latest committed row even at REPEATABLE READ, H2 locks and re-reads it); Hibernate rolls back
 * and the retry reads the stock anew.
 *
 * <p><b>Where a second buyer is refused</b> (one unit of {@code sku-1}; as the gate ran it, the same on H2,
 * PostgreSQL and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product='sku-1'; -- 1 row: ('sku-1', 1, 0)
 *   update stock_item set stock=0,version=1 where product='sku-1' and version=0; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product='sku-1'; -- 1 row: ('sku-1', 1, 0)
 *   update stock_item set stock=0,version=1 where product='sku-1' and version=0; -- blocked, waiting for a lock
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   -- the UPDATE above returns: 0 rows affected
 *   ROLLBACK;
 *   BEGIN;
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product='sku-1'; -- 1 row: ('sku-1', 0, 1)
 *   COMMIT;
 * </pre>
 * T2's first attempt ends in an optimistic lock failure and a ROLLBACK; its second reads 0 and answers
 * "out of stock".
 *
 * <p><b>Where it stops:</b> a purchase that loses {@value #ATTEMPTS} races in a row is an
 * {@link IllegalStateException} (no answer, nothing sold), never "purchased". Under heavy contention on one
 * product most attempts are lost: that is the cost of this design, not a risk to the stock.
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jpa-optimistic-version}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jpa-optimistic-version}
 * <!-- /produced -->
 */
public final class JpaOptimisticVersion extends SpringContextInventory {

    /** The design's key: its migration is {@code db/jpa-optimistic-version/}. */
    public static final String KEY = "jpa-optimistic-version";

    /** How many times one purchase is tried before it gives up. */
    public static final int ATTEMPTS = 3;

    public JpaOptimisticVersion(DataSource dataSource) {
        super(dataSource, "stock_item", true, Wiring.class);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        InventoryService service = service();
        OptimisticLockingFailureException lost = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return service.buy(request); // one transaction per attempt
            } catch (OptimisticLockingFailureException e) {
                lost = e;
            }
        }
        throw new IllegalStateException(request.requestId() + " lost the race for " + request.product() + " "
                + ATTEMPTS + " times in a row; nothing was sold", lost);
    }

    /** The service as a Spring application has it: a bean whose public methods are transactions. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            VersionedStockItem item = item(request.product());
            if (item.stock() < request.quantity()) {
                return PurchaseResult.outOfStock(request, item.stock());
            }
            item.take(request.quantity()); // written, version checked, when the transaction commits
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            return item(product).stock();
        }

        private VersionedStockItem item(String product) {
            VersionedStockItem item = entityManager.find(VersionedStockItem.class, product);
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
            return JpaBeans.entityManagerFactory(dataSource, VersionedStockItem.class);
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
