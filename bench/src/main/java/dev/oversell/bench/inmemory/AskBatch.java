package dev.oversell.bench.inmemory;

import dev.oversell.model.PurchaseResult;

import java.util.concurrent.CompletableFuture;

/**
 * A pipelined batch: {@value #SIZE} purchases asked of an actor one after another without waiting, then their
 * answers awaited in order. The benchmarks that use it count each purchase as one operation
 * ({@code @OperationsPerInvocation(AskBatch.SIZE)}), so their score is purchases per second, comparable with a
 * blocking ask's.
 */
final class AskBatch {

    /** Purchases in flight per benchmark thread before it waits. */
    static final int SIZE = 16;

    private AskBatch() {
    }

    /** Waits for every answer; returns the units sold (every purchase should sell one). */
    static int unitsSold(CompletableFuture<PurchaseResult>[] answers) {
        int sold = 0;
        for (CompletableFuture<PurchaseResult> answer : answers) {
            sold += answer.join().unitsSold();
        }
        return sold;
    }
}
