package dev.oversell.power.database.designs;

import dev.oversell.catalogue.jpa.VersionedStockItem;
import dev.oversell.judge.Finding;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: {@code @Version} on the entity, and a JPQL bulk UPDATE that bypasses it.</b> The entity
 * ({@link VersionedStockItem}) is versioned, so a review sees optimistic locking; but the stock is written with
 * {@code UPDATE VersionedStockItem i SET i.stock = :stock WHERE i.product = :product}, a bulk statement that JPA
 * runs as it is: no version in its WHERE, no version bumped.
 * <pre>
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product=?
 *   update stock_item set stock=? where product=?        -- the stock read minus quantity
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): T1 and T2 read (1, v0); T1 writes 0, commits; T2 writes 0. Oversell: both buyers
 * got the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "@Version on the entity, the stock written by a JPQL bulk UPDATE that ignores it",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
public final class JpaBulkUpdate_BrokenBypassesVersion extends SpringContextInventory {

    public JpaBulkUpdate_BrokenBypassesVersion(DataSource dataSource) {
        super(dataSource, "stock_item", true, JpaWiring.Versioned.class, StockService.class);
    }

    /** The service as a Spring application has it. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            long stock = stock(request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            entityManager.createQuery("UPDATE VersionedStockItem i SET i.stock = :stock WHERE i.product = :product")
                    .setParameter("stock", stock - request.quantity())
                    .setParameter("product", request.product())
                    .executeUpdate();
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            VersionedStockItem item = entityManager.find(VersionedStockItem.class, product);
            if (item == null) {
                throw new UnknownProductException(product);
            }
            return item.stock();
        }
    }
}
