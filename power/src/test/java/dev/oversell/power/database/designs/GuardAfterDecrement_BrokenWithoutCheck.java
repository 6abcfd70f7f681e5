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
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a conditional UPDATE whose guard is {@code stock >= 0}, as if checked after the decrement, on a table
 * without {@code CHECK (stock >= 0)}.</b> The guard is evaluated on the row before the UPDATE: a stock of 0 passes
 * it and becomes -1. With the CHECK the engine would refuse; without it, nothing does. It needs no race: the
 * second buyer of the last unit, alone, gets it.
 * <pre>
 *   UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= 0    -- Spring @Transactional, JdbcTemplate
 *   COMMIT
 * </pre>
 * Where it breaks (last unit): T1 takes it (0); T2's guard sees 0 &gt;= 0 and writes -1. Oversell: both buyers got
 * the last unit. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "UPDATE ... WHERE stock >= 0, the guard read before the decrement, no CHECK",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = POSTGRESQL)
public final class GuardAfterDecrement_BrokenWithoutCheck extends SpringContextInventory {

    public GuardAfterDecrement_BrokenWithoutCheck(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, StockService.class);
    }

    /** The service as a Spring application has it. */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;

        public StockService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            int taken = jdbc.update("UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= 0",
                    request.quantity(), request.product());
            return taken == 1 ? PurchaseResult.purchased(request) : PurchaseResult.outOfStock(request, stock(request.product()));
        }

        @Transactional(readOnly = true)
        public long stock(String product) {
            return SpringStock.read(jdbc, "stock", product);
        }
    }
}
