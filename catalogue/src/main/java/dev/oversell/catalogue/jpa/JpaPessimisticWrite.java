package dev.oversell.catalogue.jpa;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.JpaBeans;
import dev.oversell.spring.SpringContextInventory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

/**
 * Pessimistic locking, JPA's way: {@link JpaDirtyChecking}'s service, but the {@link StockItem} is loaded with
 * {@code find(StockItem.class, product, LockModeType.PESSIMISTIC_WRITE)}, which Hibernate sends as a locking
 * read: {@code SELECT ... FOR UPDATE} on H2 and MariaDB, {@code SELECT ... FOR NO KEY UPDATE} on PostgreSQL (the
 * row lock an UPDATE that leaves the key alone takes; two of them conflict). At the engine's default isolation.
 *
 * <p><b>SQL</b> (as Hibernate 7.2 sends it; {@code db/jpa-pessimistic-write/V1__stock.sql} creates
 * {@code stock_item})
 * <pre>
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product=? for update   -- PostgreSQL: for no key update of si1_0
 *   update stock_item set stock=? where product=?     -- the flush as the commit begins; none when too few
 *   COMMIT
 * </pre>
 *
 * <p><b>Why:</b> the locking read takes the row's write lock, so a second
 * buyer's read waits until the first commits, and then reads the committed row (a locking read sees the latest
 * committed version on all three engines, MariaDB's REPEATABLE READ included): the check and the write happen
 * under one lock.
 *
 * <p><b>Where a second buyer is refused</b> (one unit of {@code sku-1}; as the gate ran it on PostgreSQL, the
 * same with {@code for update} on H2 and MariaDB):
 * <pre>
 *   -- T1
 *   BEGIN;
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product='sku-1' for no key update of si1_0; -- 1 row: ('sku-1', 1)
 *   update stock_item set stock=0 where product='sku-1'; -- 1 row affected
 *   -- T2
 *   BEGIN;
 *   select si1_0.product,si1_0.stock from stock_item si1_0 where si1_0.product='sku-1' for no key update of si1_0; -- blocked, waiting for a lock
 *   -- T1
 *   COMMIT;
 *   -- T2
 *   -- the SELECT above returns: 1 row: ('sku-1', 0)
 *   COMMIT;
 * </pre>
 * T2 answers "out of stock".
 *
 * <p>It does not de-duplicate request ids: a resubmitted request buys again. A restock is the shared atomic statement ({@link dev.oversell.spring.AtomicRestock}).
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code jpa-pessimistic-write}): in one instance, never oversells on every engine. With several
 * instances sharing the database, the same.
 * <p><b>See it</b>: {@code mvn -q -pl properties -am verify -Dtest=BuiltInDatabaseTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Doversell.engines=h2 -Doversell.design=jpa-pessimistic-write}
 * <!-- /produced -->
 */
public final class JpaPessimisticWrite extends SpringContextInventory {

    /** The design's key: its migration is {@code db/jpa-pessimistic-write/}. */
    public static final String KEY = "jpa-pessimistic-write";

    public JpaPessimisticWrite(DataSource dataSource) {
        super(dataSource, "stock_item", false, Wiring.class);
    }

    /** The service as a Spring application has it: a bean whose public methods are transactions. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            StockItem item = entityManager.find(StockItem.class, request.product(), LockModeType.PESSIMISTIC_WRITE);
            if (item == null) {
                throw new UnknownProductException(request.product());
            }
            if (item.stock() < request.quantity()) {
                return PurchaseResult.outOfStock(request, item.stock());
            }
            item.take(request.quantity()); // written by dirty checking when the transaction commits
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            StockItem item = entityManager.find(StockItem.class, product);
            if (item == null) {
                throw new UnknownProductException(product);
            }
            return item.stock();
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
