package dev.oversell.power.database.designs;

import dev.oversell.catalogue.jpa.VersionedStockItem;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.power.CorrectTwin;
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
 * <b>Correct twin: {@code @Version} with retry.</b> The entity is changed in Java and flushed by dirty checking;
 * Hibernate's UPDATE carries {@code version = ?}, so a buyer whose read went stale updates no row and fails with an
 * optimistic lock failure, and the loop ({@link Conflicts}) runs the purchase again in a new transaction.
 * <pre>
 *   select vsi1_0.product,vsi1_0.stock,vsi1_0.version from stock_item vsi1_0 where vsi1_0.product=?
 *   update stock_item set stock=?,version=? where product=? and version=?
 *   COMMIT                                   -- 0 rows: ROLLBACK, and the purchase again
 * </pre>
 * Twin of {@link JpaDetachedSave_BrokenWithoutVersion} and {@link JpaBulkUpdate_BrokenBypassesVersion}. Must hold
 * on H2, PostgreSQL and MariaDB.
 */
@CorrectTwin(value = "@Version on the entity, an optimistic-lock failure retried in a new transaction",
        twinOf = {"jpa-detached-save-no-version", "jpa-bulk-update-bypasses-version"}, heldOn = {H2, POSTGRESQL, MARIADB})
public final class JpaVersionWithRetry extends SpringContextInventory {

    public JpaVersionWithRetry(DataSource dataSource) {
        super(dataSource, "stock_item", true, JpaWiring.Versioned.class, StockService.class);
    }

    /** The service: one transaction per attempt. */
    public static class StockService implements InventoryService {

        @PersistenceContext
        private EntityManager entityManager;
        private final TransactionTemplate transaction;

        public StockService(TransactionTemplate transaction) {
            this.transaction = transaction;
        }

        public PurchaseResult buy(PurchaseRequest request) {
            return Conflicts.retried(request.requestId(), () -> transaction.execute(status -> {
                VersionedStockItem item = load(request.product());
                if (item.stock() < request.quantity()) {
                    return PurchaseResult.outOfStock(request, item.stock());
                }
                item.take(request.quantity()); // flushed, version checked, as the transaction commits
                return PurchaseResult.purchased(request);
            }));
        }

        public long stock(String product) {
            return transaction.execute(status -> load(product)).stock();
        }

        private VersionedStockItem load(String product) {
            VersionedStockItem item = entityManager.find(VersionedStockItem.class, product);
            if (item == null) {
                throw new UnknownProductException(product);
            }
            return item;
        }
    }
}
