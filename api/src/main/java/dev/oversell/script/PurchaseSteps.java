package dev.oversell.script;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PurchaseScript} made whole: {@code begin} (unless autocommit), the script's body, {@code commit}.
 * Around the body, what every design shares: the first body step first looks up an earlier answer to the same
 * request id (then the rest of the body does nothing and that answer is returned), and the last body step
 * ends by recording the answer in the purchases table, in the same transaction as the design's write, so a
 * request is applied at most once: the stock change and its record commit together or not at all.
 *
 * <p>In autocommit mode each body step commits on its own, except the last: it runs as one short transaction
 * ({@code begin; <the write>; INSERT INTO purchases ...; commit}, at READ COMMITTED), so that a connection that
 * dies between the write and the record, or a duplicate of the request id committed meanwhile by another
 * instance, rolls the write back instead of leaving units taken for a sale nobody recorded. The read before it
 * still commits on its own: that gap is the design's (the seed's read-then-write), and what the checks measure.
 *
 * <p>Both the production path (the runtime's {@code TransactionalInventory}) and the interleaving checker run exactly these
 * steps.
 */
public final class PurchaseSteps {

    private PurchaseSteps() {
    }

    public static List<Step> of(PurchaseScript script) {
        List<Step> body = script.body();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("a purchase script needs at least one step");
        }
        List<Step> steps = new ArrayList<>();
        TransactionMode mode = script.mode();
        if (mode.transactional()) {
            steps.add(new Step("begin", tx -> begin(tx, mode)));
        }
        for (int i = 0; i < body.size(); i++) {
            Step step = body.get(i);
            boolean first = i == 0;
            boolean last = i == body.size() - 1;
            steps.add(new Step(step.name(), tx -> {
                if (first) {
                    lookUpEarlierAnswer(tx);
                }
                if (tx.answeredEarlier()) {
                    return;
                }
                if (!last) {
                    step.run(tx);
                } else if (mode.transactional()) {
                    step.run(tx);
                    record(tx);
                } else {
                    writeAndRecordTogether(tx, step);
                }
            }));
        }
        if (mode.transactional()) {
            steps.add(new Step("commit", PurchaseSteps::commit));
        }
        return List.copyOf(steps);
    }

    private static void begin(Tx tx, TransactionMode mode) throws SQLException {
        Connection c = tx.connection();
        c.setTransactionIsolation(mode.jdbcLevel());
        c.setAutoCommit(false);
        tx.say("begin; set transaction isolation level " + mode.sql().toLowerCase(java.util.Locale.ROOT) + ";");
    }

    /** An autocommit design's last step and its record, committed as one transaction. */
    private static void writeAndRecordTogether(Tx tx, Step write) throws SQLException {
        Connection c = tx.connection();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(false);
        tx.say("begin; -- the write and its record commit together");
        try {
            write.run(tx);
            record(tx);
            commit(tx);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                tx.say("rollback;");
            } catch (SQLException broken) {
                e.addSuppressed(broken); // the connection is gone: the engine rolls the transaction back
            }
            throw e;
        } finally {
            restoreAutocommit(c);
        }
    }

    private static void restoreAutocommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException broken) {
            // a dead connection: the pool discards it
        }
    }

    private static void commit(Tx tx) throws SQLException {
        try {
            tx.connection().commit();
            tx.say("commit; -- ok");
        } catch (SQLException e) {
            tx.say("commit; -- " + tx.describe(e));
            throw e;
        }
    }

    private static void lookUpEarlierAnswer(Tx tx) throws SQLException {
        PurchaseRequest request = tx.request();
        String sql = "SELECT product, quantity, purchased, stock_seen FROM " + tx.store().purchasesTable()
                + " WHERE request_id = ?";
        try (PreparedStatement s = tx.connection().prepareStatement(sql)) {
            s.setString(1, request.requestId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    tx.say(Tx.inline(sql, request.requestId()) + "; -- no row");
                    return;
                }
                PurchaseRequest earlier = PurchaseRequest.of(request.requestId(), rs.getString(1), rs.getInt(2));
                boolean purchased = rs.getInt(3) == 1;
                long stockSeen = rs.getLong(4);
                tx.say(Tx.inline(sql, request.requestId()) + "; -- answered earlier");
                if (!earlier.equals(request)) {
                    throw new RequestIdConflictException(earlier, request);
                }
                tx.answerFromEarlier(purchased ? PurchaseResult.purchased(request)
                        : PurchaseResult.outOfStock(request, stockSeen));
            }
        }
    }

    private static void record(Tx tx) throws SQLException {
        PurchaseResult answer = tx.answer();
        if (answer == null) {
            throw new IllegalStateException("the purchase script decided no answer for " + tx.request());
        }
        long stockSeen = answer instanceof PurchaseResult.OutOfStock out ? out.stockSeen() : -1;
        tx.update("INSERT INTO " + tx.store().purchasesTable()
                        + " (request_id, product, quantity, purchased, stock_seen) VALUES (?, ?, ?, ?, ?)",
                tx.request().requestId(), tx.product(), tx.quantity(), answer.unitsSold() > 0 ? 1 : 0, stockSeen);
    }

    /** For a body step that found no row for the product: an unknown product, an error that changes nothing. */
    public static UnknownProductException unknownProduct(Tx tx) {
        tx.say("-- no such product: the purchase fails and changes nothing");
        return new UnknownProductException(tx.product());
    }
}
