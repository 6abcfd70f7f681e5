package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: {@code @Transactional(isolation = SERIALIZABLE)} on a method the bean calls itself.</b> Spring's
 * transactions are a proxy around the bean; {@code buy} calls {@code purchase} on {@code this}, past the proxy, so
 * the annotation does nothing: the read and the write each run in autocommit, and SERIALIZABLE is never asked for.
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?            -- autocommit
 *   UPDATE stock SET stock = ? WHERE product = ?         -- autocommit, the stock read minus quantity
 * </pre>
 * Where it breaks (last unit): T1 and T2 read 1; both write 0. Oversell: both buyers got the last unit. Must be
 * caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "@Transactional(SERIALIZABLE) on a method the bean calls on itself: no transaction at all",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = MARIADB)
public final class SelfInvocation_BrokenNoTransaction extends SpringContextInventory {

    public SelfInvocation_BrokenNoTransaction(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, StockService.class);
    }

    /** The service as a Spring application has it. */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;

        public StockService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        public PurchaseResult buy(PurchaseRequest request) {
            return purchase(request); // on this, not on the proxy: no transaction
        }

        @Transactional(isolation = Isolation.SERIALIZABLE)
        public PurchaseResult purchase(PurchaseRequest request) {
            long stock = stock(request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            jdbc.update("UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            return SpringStock.read(jdbc, "stock", product);
        }
    }
}
