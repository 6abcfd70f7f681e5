package dev.oversell.cluster;

import dev.oversell.script.FencedOut;
import dev.oversell.script.PurchaseScript;
import dev.oversell.script.Step;
import dev.oversell.script.TransactionMode;
import dev.oversell.script.Tx;
import dev.oversell.script.Tables;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A purchase script with {@link StallPoint} between its read and its write: the same statements as the script it
 * wraps (the entity's {@code OwnedReadModifyWrite}), and between its {@code read} step and its {@code write} step
 * a step that sends nothing and stalls only the purchases the fault runner armed; the write then tells the stall
 * point what it met (written, fenced out, out of stock, failed), which it reports for a stalled purchase only.
 */
final class StallBetweenReadAndWrite implements PurchaseScript {

    private final PurchaseScript script;
    private final Map<String, Long> tokens;

    /** {@code tokens}: the entity's fencing tokens by product, reported with a stall (0: none claimed). */
    StallBetweenReadAndWrite(PurchaseScript script, Map<String, Long> tokens) {
        this.script = script;
        this.tokens = tokens;
    }

    @Override
    public TransactionMode mode() {
        return script.mode();
    }

    @Override
    public List<Step> body() {
        List<Step> body = new ArrayList<>();
        for (Step step : script.body()) {
            if (step.name().equals("write")) {
                body.add(new Step("stall point", tx -> StallPoint.reached(tx.request().requestId(), tx.recall("seen"),
                        tokens.getOrDefault(tx.product(), 0L))));
                body.add(new Step(step.name(), tx -> writeAndTell(step, tx)));
                continue;
            }
            body.add(step);
        }
        if (body.size() != script.body().size() + 1) {
            throw new IllegalArgumentException("the script has no step named 'write' to stall before: " + script);
        }
        return body;
    }

    private static void writeAndTell(Step write, Tx tx) throws SQLException {
        String id = tx.request().requestId();
        try {
            write.run(tx);
        } catch (FencedOut e) {
            StallPoint.wrote(id, StallPoint.Write.FENCED_OUT);
            throw e;
        } catch (SQLException | RuntimeException e) {
            StallPoint.wrote(id, StallPoint.Write.FAILED);
            throw e;
        }
        StallPoint.wrote(id, tx.answer() != null && tx.answer().unitsSold() > 0 ? StallPoint.Write.WRITTEN
                : StallPoint.Write.OUT_OF_STOCK);
    }

    @Override
    public Long readStock(Tx tx, String product) throws SQLException {
        return script.readStock(tx, product);
    }

    @Override
    public String stockQuery(Tables store) {
        return script.stockQuery(store);
    }

    @Override
    public int restock(Tx tx, String product, long units) throws SQLException {
        return script.restock(tx, product, units);
    }
}
