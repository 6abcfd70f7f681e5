package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.power.RunsByDefault;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;

import javax.sql.DataSource;
import java.sql.Connection;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: an idempotency check outside the transaction.</b> The design promises that a resubmitted request id
 * is applied once: it looks the id up, and records it with the purchase. But the look-up runs on its own, before
 * the transaction, and the table has no unique key: a client resubmitting while its first try is in flight passes
 * the check twice and buys twice.
 * <pre>
 *   SELECT COUNT(*) FROM processed_request WHERE request_id = ?     -- autocommit
 *   UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?
 *   INSERT INTO processed_request (request_id, product, quantity) VALUES (?, ?, ?)
 *   COMMIT
 * </pre>
 * Where it breaks (the same request twice, stock 2): both tries find no record; both take a unit and record it.
 * One request applied twice. Must be caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "the request id is looked up before the transaction: a resubmission passes twice",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.LOST_UPDATE)
@RunsByDefault(value = Family.DATABASES, engines = MARIADB)
public final class IdempotencyCheck_BrokenOutsideTheTransaction extends PlainJdbcDesign {

    public IdempotencyCheck_BrokenOutsideTheTransaction(DataSource dataSource) {
        super(dataSource, "stock", false);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        long seen = autocommit(c -> single(c, "SELECT COUNT(*) FROM processed_request WHERE request_id = ?",
                request.requestId()));
        if (seen > 0) {
            return PurchaseResult.purchased(request); // its earlier answer
        }
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, c -> {
            if (update(c, "UPDATE stock SET stock = stock - ? WHERE product = ? AND stock >= ?", request.quantity(),
                    request.product(), request.quantity()) == 0) {
                return PurchaseResult.outOfStock(request, readLong(c, "SELECT stock FROM stock WHERE product = ?",
                        request.product()));
            }
            update(c, "INSERT INTO processed_request (request_id, product, quantity) VALUES (?, ?, ?)",
                    request.requestId(), request.product(), request.quantity());
            return PurchaseResult.purchased(request);
        });
    }
}
