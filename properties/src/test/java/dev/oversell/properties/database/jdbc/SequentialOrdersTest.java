package dev.oversell.properties.database.jdbc;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict specification and the one relaxed by {@code REFUSES_WHILE_UNITS_ARE_OUT}, on the plan that tells them
 * apart: a buyer of 2 and a buyer of 1 from a stock of 1.
 */
class SequentialOrdersTest {

    private static final StatementPlan PLAN = StatementPlan.largerBuyerFirst();
    private static final PurchaseRequest T1 = ((PlannedCall.Buy) PLAN.calls().get(0)).request();
    private static final PurchaseRequest T2 = ((PlannedCall.Buy) PLAN.calls().get(1)).request();

    private static boolean explained(boolean refusalsAllowed, long stockAfter, Object... answers) {
        return SequentialOrders.explain(PLAN.calls(), List.of(answers), Map.of(StatementPlan.PRODUCT, 1L),
                Map.of(StatementPlan.PRODUCT, stockAfter), refusalsAllowed);
    }

    @Test
    void bothRefusedFitsNoStrictOrderButFitsTheRelaxedOne() {
        Object[] answers = {PurchaseResult.outOfStock(T1, -1), PurchaseResult.outOfStock(T2, -1)};
        assertThat(explained(false, 1, answers)).isFalse();
        assertThat(explained(true, 1, answers)).isTrue();
    }

    @Test
    void theSpecificationsOwnAnswersFitBoth() {
        Object[] answers = {PurchaseResult.outOfStock(T1, 1), PurchaseResult.purchased(T2)};
        assertThat(explained(false, 0, answers)).isTrue();
        assertThat(explained(true, 0, answers)).isTrue();
    }

    @Test
    void theRelaxationExcusesNoSaleAndNoStock() {
        assertThat(explained(true, 1, PurchaseResult.outOfStock(T1, 1), PurchaseResult.purchased(T2)))
                .as("a sale the stock does not show").isFalse();
        assertThat(explained(true, 0, PurchaseResult.outOfStock(T1, 1), PurchaseResult.outOfStock(T2, 1)))
                .as("a unit gone that nobody was sold").isFalse();
        assertThat(explained(true, -2, PurchaseResult.purchased(T1), PurchaseResult.purchased(T2)))
                .as("more sold than there was").isFalse();
    }
}
