package dev.oversell.power.database.designs;

import dev.oversell.catalogue.jpa.StockItem;
import dev.oversell.judge.Finding;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a JPA read-modify-write without {@code @Version}.</b> The service loads the entity in one transaction,
 * decides and changes it in Java, and saves it with {@code merge} in another, as a controller that loads, edits
 * and saves does. The entity ({@link StockItem}) has no version: Hibernate's merge copies the stale stock over
 * whatever the row holds now.
 * <pre>
 *   select ... from stock_item where product=?; COMMIT                 -- the load
 *   select ... from stock_item where product=?                          -- the merge
 *   update stock_item set stock=? where product=?; COMMIT              -- the stock loaded minus quantity
 * </pre>
 * Where it breaks (last unit): T1 and T2 load 1; T1 saves 0; T2 saves 0. Oversell: both buyers got the last unit.
 * Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "JPA read-modify-write without @Version: load, change, merge in another transaction",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = POSTGRESQL)
public final class JpaDetachedSave_BrokenWithoutVersion extends SpringContextInventory {

    public JpaDetachedSave_BrokenWithoutVersion(DataSource dataSource) {
        super(dataSource, "stock_item", false, JpaWiring.Unversioned.class, StockService.class);
    }

    /** The service: load, then save, each in its own transaction. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;
        private final TransactionTemplate transaction;

        public StockService(TransactionTemplate transaction) {
            this.transaction = transaction;
        }

        public PurchaseResult buy(PurchaseRequest request) {
            StockItem item = transaction.execute(status -> load(request.product()));
            if (item.stock() < request.quantity()) {
                return PurchaseResult.outOfStock(request, item.stock());
            }
            item.take(request.quantity()); // on the detached entity
            transaction.executeWithoutResult(status -> entityManager.merge(item));
            return PurchaseResult.purchased(request);
        }

        public long stock(String product) {
            return transaction.execute(status -> load(product)).stock();
        }

        private StockItem load(String product) {
            StockItem item = entityManager.find(StockItem.class, product);
            if (item == null) {
                throw new UnknownProductException(product);
            }
            return item;
        }
    }
}
