package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug, engine-dependent: a lost update at REPEATABLE READ.</b> A {@link TransactionTemplate} at REPEATABLE READ
 * reads, checks and writes the stock, retried on a conflict ({@link Conflicts}). PostgreSQL refuses the second
 * writer (40001, "could not serialize access due to concurrent update") and H2 too (a concurrent update): the
 * retry reads the new stock, and the design holds there. MariaDB 10.11's REPEATABLE READ (with
 * {@code innodb_snapshot_isolation} OFF, its default) lets the UPDATE write over a row changed since the snapshot.
 * <pre>
 *   SELECT stock FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ? WHERE product = ?      -- the stock read minus quantity
 *   COMMIT                                            -- on a conflict: the whole purchase again
 * </pre>
 * Where it breaks on MariaDB (last unit): T1 and T2 read 1; T1 writes 0, commits; T2's UPDATE writes 0. Oversell:
 * both buyers got the last unit. Must be caught on MariaDB; must hold on H2 and PostgreSQL.
 */
@KnownBug(value = "read-then-write at REPEATABLE READ, retried: a lost update on MariaDB, refused elsewhere",
        caughtBy = Family.DATABASES, caughtOn = {MARIADB}, heldOn = {H2, POSTGRESQL}, seenAs = Finding.OVERSOLD)
@RunsByDefault(value = Family.DATABASES, engines = MARIADB)
public final class ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb extends SpringContextInventory {

    public ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, RepeatableRead.class);
    }

    /** The service bean, at REPEATABLE READ. */
    @Configuration(proxyBeanMethods = false)
    static class RepeatableRead {
        @Bean
        StockService stockService(JdbcTemplate jdbc, TransactionTemplate template) {
            return new StockService(jdbc, template, TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
    }

    /** The service: one transaction per attempt, at the level it is built with (shared with {@link SerializableWithRetry}). */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;

        StockService(JdbcTemplate jdbc, TransactionTemplate template, int isolation) {
            this.jdbc = jdbc;
            this.transaction = new TransactionTemplate(template.getTransactionManager());
            this.transaction.setIsolationLevel(isolation);
        }

        public PurchaseResult buy(PurchaseRequest request) {
            return Conflicts.retried(request.requestId(), () -> transaction.execute(status -> {
                long stock = stock(request.product());
                if (stock < request.quantity()) {
                    return PurchaseResult.outOfStock(request, stock);
                }
                jdbc.update("UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(),
                        request.product());
                return PurchaseResult.purchased(request);
            }));
        }

        public long stock(String product) {
            return SpringStock.read(jdbc, "stock", product);
        }
    }
}
