package dev.oversell.cluster;

import dev.oversell.store.PurchaseScript;
import dev.oversell.store.Step;
import dev.oversell.store.Store;
import dev.oversell.store.TransactionMode;
import dev.oversell.store.Tx;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A purchase script with {@link StallPoint} between its read and its write: the same statements as the script it
 * wraps (the entity's {@code OwnedReadModifyWrite}), and between its {@code read} step and its {@code write} step
 * a step that sends nothing and stalls only the purchases the fault runner armed.
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
            }
            body.add(step);
        }
        if (body.size() != script.body().size() + 1) {
            throw new IllegalArgumentException("the script has no step named 'write' to stall before: " + script);
        }
        return body;
    }

    @Override
    public Long readStock(Tx tx, String product) throws SQLException {
        return script.readStock(tx, product);
    }

    @Override
    public String stockQuery(Store store) {
        return script.stockQuery(store);
    }

    @Override
    public int restock(Tx tx, String product, long units) throws SQLException {
        return script.restock(tx, product, units);
    }
}
