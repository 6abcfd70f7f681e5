package dev.oversell.properties.database.jdbc;

import dev.oversell.judge.Finding;
import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One execution judged from how its calls ended and the stock it left, without an engine. */
class ExecutionJudgementTest {

    private static final PurchaseRequest T1 = PurchaseRequest.of("T1", "sku", 1);
    private static final PurchaseRequest T2 = PurchaseRequest.of("T2", "sku", 1);
    private static final List<PlannedCall> TWO_BUYERS = List.of(new PlannedCall.Buy(T1), new PlannedCall.Buy(T2));

    @Test
    void twoBuyersServedFromTheLastUnitOversold() {
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                        new ExecutionJudgement.Answered("T2", PurchaseResult.purchased(T2), null)),
                Map.of("sku", 0L));

        assertThat(judged.finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(judged.answers()).containsExactly("T1: purchased 1", "T2: purchased 1");
        assertThat(judged.sold()).isEqualTo(2);
        assertThat(judged.notes()).extracting(ExecutionJudgement.Note::text)
                .containsExactly("oversold: 2 units sold, 1 existed; stock now 0 (units sold exceed units that existed)");
    }

    @Test
    void aCallTheEngineRefusedTookNothingAndTheOtherHeld() {
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                        new ExecutionJudgement.Refused("T2", Engine.Failure.SERIALIZATION, false, "SQLSTATE 40001")),
                Map.of("sku", 0L));

        assertThat(judged.finding()).isEqualTo(Finding.HELD);
        assertThat(judged.refused()).isTrue();
        assertThat(judged.deadlockVictims()).isZero();
        assertThat(judged.notes()).extracting(ExecutionJudgement.Note::text).containsExactly(
                "T2's purchase failed: the engine refused it (serialization) and the code passed the failure on",
                "held: 1 units sold, 1 existed; stock now 0: nothing of the refused purchase was applied");
    }

    @Test
    void aRefusedCallWhoseUnitLeftTheStockIsALostUpdate() {
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 2L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                        new ExecutionJudgement.Refused("T2", Engine.Failure.DEADLOCK, true, "deadlock")),
                Map.of("sku", 0L));

        assertThat(judged.finding()).isEqualTo(Finding.LOST_UPDATE);
        assertThat(judged.deadlockVictims()).isEqualTo(1);
    }

    @Test
    void aRestockWrittenOverAPurchaseIsALostUpdateAndTheRestockCounts() {
        List<PlannedCall> calls = List.of(new PlannedCall.Buy(T1), new PlannedCall.Restock("sku", 1));
        List<ExecutionJudgement.CallEnd> ends = List.of(
                new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                new ExecutionJudgement.Answered("T2", null, null));

        assertThat(ExecutionJudgement.products(Map.of("sku", 1L), calls, ends)).containsExactly("sku");
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), calls, ends, Map.of("sku", 2L));

        assertThat(judged.finding()).isEqualTo(Finding.LOST_UPDATE);
        assertThat(judged.existed()).isEqualTo(2);
        assertThat(judged.answers()).containsExactly("T1: purchased 1", "T2: restocked 1");
    }

    @Test
    void answersThatFitNoSequentialOrderAreNotLinearizable() {
        // the stock adds up (nothing sold, 1 left), but with a unit there the first buyer must have been served
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.outOfStock(T1, 0), null),
                        new ExecutionJudgement.Answered("T2", PurchaseResult.outOfStock(T2, 0), null)),
                Map.of("sku", 1L));

        assertThat(judged.finding()).isEqualTo(Finding.NOT_LINEARIZABLE);
    }

    @Test
    void aCallThatThrewIsAnErrorNeverAFinding() {
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                        new ExecutionJudgement.Threw("T2", "IllegalStateException", "boom")),
                Map.of("sku", 0L));

        assertThat(judged.finding()).isEqualTo(Finding.HELD);
        assertThat(judged.errors()).containsExactly("T2 threw IllegalStateException: boom");
        assertThat(judged.notes()).extracting(ExecutionJudgement.Note::text)
                .containsExactly("error: T2 threw IllegalStateException: boom");
    }

    @Test
    void anOrderRefusedWithOneOfItsLinesTakenIsPartiallyApplied() {
        Order first = Order.of("T1", Order.line("a", 1), Order.line("b", 1));
        Order second = Order.of("T2", Order.line("b", 1), Order.line("a", 1));
        Map<String, Long> stock = new LinkedHashMap<>();
        stock.put("a", 1L);
        stock.put("b", 1L);
        ExecutionJudgement judged = ExecutionJudgement.of(stock,
                List.of(new PlannedCall.Place(first), new PlannedCall.Place(second)), List.of(
                        new ExecutionJudgement.Answered("T1", new OrderResult.Placed("T1", first.lines()), null),
                        new ExecutionJudgement.Answered("T2", new OrderResult.Refused("T2", "a", 1, 0), null)),
                Map.of("a", 0L, "b", -1L));

        assertThat(judged.finding()).isEqualTo(Finding.PARTIALLY_APPLIED);
        assertThat(judged.answers()).containsExactly("T1: placed", "T2: refused, 'a' short");
    }

    @Test
    void aPurchaseFencedOutAndSentAgainSaysSoInTheScript() {
        ExecutionJudgement judged = ExecutionJudgement.of(Map.of("sku", 1L), TWO_BUYERS, List.of(
                        new ExecutionJudgement.Answered("T1", PurchaseResult.purchased(T1), null),
                        new ExecutionJudgement.Answered("T2", PurchaseResult.outOfStock(T2, 0), "fenced out: sent again")),
                Map.of("sku", 0L));

        assertThat(judged.finding()).isEqualTo(Finding.HELD);
        assertThat(judged.notes()).containsExactly(new ExecutionJudgement.Note("T2", "fenced out: sent again"));
    }
}
