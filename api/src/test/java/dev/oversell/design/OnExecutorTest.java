package dev.oversell.design;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.reference.SequentialInventory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class OnExecutorTest {

    @Test
    void aDesignOnARealExecutorAnswersThroughItAndClosingEndsTheExecutorAfterTheDesign() throws Exception {
        AtomicReference<ExecutorService> handed = new AtomicReference<>();
        OnExecutor declared = new OnExecutor(HandedExecutor.singleThread(), (stock, executor) -> {
            handed.set(executor);
            Inventory owner = new SequentialInventory(stock);
            return new Inventory() {
                @Override
                public PurchaseResult buy(PurchaseRequest request) {
                    try {
                        return executor.submit(() -> owner.buy(request)).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public long stock(String product) {
                    return owner.stock(product);
                }

                @Override
                public void restock(String product, long units) {
                    owner.restock(product, units);
                }
            };
        });

        Inventory inventory = declared.onRealExecutor("owner-thread", Map.of("sku", 1L));
        assertThat(inventory.buy(PurchaseRequest.of("r1", "sku", 1))).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(inventory.stock("sku")).isZero();
        assertThat(handed.get().isShutdown()).isFalse();
        inventory.close();
        assertThat(handed.get().isTerminated()).as("the executor is shut down and its thread ended").isTrue();
    }
}
