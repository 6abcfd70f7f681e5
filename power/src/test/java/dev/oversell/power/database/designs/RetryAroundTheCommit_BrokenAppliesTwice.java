package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: a retry loop that re-applies a purchase after its commit, when the answer did not reach the caller.</b>
 * The purchase (a guarded UPDATE, correct) commits, then an audit row numbering every answer is written in a
 * second, SERIALIZABLE transaction; the retry loop wraps both. When the audit is refused for a conflict with
 * another buyer's audit, the loop runs the whole purchase again: the committed purchase is applied twice, or its
 * buyer is told "out of stock" for a unit taken.
 * <pre>
 *   UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?; COMMIT
 *   SELECT COUNT(*) FROM sale_audit WHERE product = ?                           -- SERIALIZABLE
 *   INSERT INTO sale_audit (request_id, product, seq, answer) VALUES (?, ?, ?, ?); COMMIT
 *   -- refused (40001 / deadlock): the purchase again, from its UPDATE
 * </pre>
 * Where it breaks (last unit): T1 takes it and commits; T2 finds none and commits; both count 0 audit rows and
 * insert; PostgreSQL refuses one (40001), MariaDB deadlocks one (1213). If T1 is refused, its retry finds none:
 * told "out of stock" for the unit it took, a lost update. Must be caught on PostgreSQL and MariaDB; H2 does not
 * refuse the audit, and must hold.
 */
@KnownBug(value = "a retry loop around a committed purchase and its audit applies the purchase again",
        caughtBy = Family.DATABASES, caughtOn = {POSTGRESQL, MARIADB}, heldOn = {H2}, seenAs = Finding.LOST_UPDATE)
public final class RetryAroundTheCommit_BrokenAppliesTwice extends SpringContextInventory {

    public RetryAroundTheCommit_BrokenAppliesTwice(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, StockService.class);
    }

    /** The service: the purchase and its audit, retried together. */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate purchase;
        private final TransactionTemplate audit;

        public StockService(JdbcTemplate jdbc, TransactionTemplate template) {
            this.jdbc = jdbc;
            this.purchase = new TransactionTemplate(template.getTransactionManager());
            this.audit = new TransactionTemplate(template.getTransactionManager());
            this.audit.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        }

        public PurchaseResult buy(PurchaseRequest request) {
            return Conflicts.retried(request.requestId(), () -> {
                PurchaseResult answer = purchase.execute(status -> jdbc.update(
                        "UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?", request.quantity(),
                        request.product(), request.quantity()) == 1 ? PurchaseResult.purchased(request)
                        : PurchaseResult.outOfStock(request, stock(request.product())));
                audit.executeWithoutResult(status -> {
                    Long seq = jdbc.queryForObject("SELECT COUNT(*) FROM sale_audit WHERE product = ?", Long.class,
                            request.product());
                    jdbc.update("INSERT INTO sale_audit (request_id, product, seq, answer) VALUES (?, ?, ?, ?)",
                            request.requestId(), request.product(), seq + 1, answer.unitsSold());
                });
                return answer;
            });
        }

        public long stock(String product) {
            return SpringStock.read(jdbc, "stock", product);
        }
    }
}
