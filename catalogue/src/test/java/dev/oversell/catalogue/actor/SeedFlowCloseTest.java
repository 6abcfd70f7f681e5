package dev.oversell.catalogue.actor;

import dev.oversell.actor.ActorSystem;
import dev.oversell.actor.ManualExecutor;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SeedFlowActorInventory#close()} answers every call accepted before it, including a purchase still in
 * the purchase actor's mailbox (the inventory actor stops only after the purchase actor has forwarded it), and
 * refuses every call after it. Turns run on a {@link ManualExecutor}: the test decides when each turn runs.
 */
class SeedFlowCloseTest {

    private final ManualExecutor turns = new ManualExecutor();
    private final ActorSystem system = new ActorSystem("manual", turns);

    @AfterEach
    void closeSystem() {
        system.close();
        turns.runAll();
    }

    @Test
    void answersEveryCallAcceptedBeforeCloseAndRefusesCallsAfterIt() throws Exception {
        var inventory = new SeedFlowActorInventory(system, Map.of("p", 10L), Duration.ofSeconds(5));
        AtomicReference<Object> bought = new AtomicReference<>();
        AtomicReference<Object> read = new AtomicReference<>();
        Thread buyer = caller("buyer", () -> inventory.buy(PurchaseRequest.of("r1", "p", 1)), bought);
        turns.awaitPending(1); // the purchase is in the purchase actor's mailbox, its turn not yet run
        Thread reader = caller("reader", () -> inventory.stock("p"), read);
        turns.awaitPending(2); // the stock read is in the inventory actor's mailbox

        inventory.close();
        assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("r2", "p", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inventory.stock("p")).isInstanceOf(IllegalStateException.class);
        int ran = turns.runAll();
        buyer.join(10_000);
        reader.join(10_000);

        assertThat(bought.get()).as("purchase accepted before close() (after %d turns)", ran)
                .isEqualTo(new PurchaseResult.Purchased("r1", "p", 1));
        assertThat(read.get()).as("stock read accepted before close() (after %d turns)", ran).isEqualTo(10L);
        assertThat(turns.pending()).as("turns left after both actors stopped").isZero();
    }

    private static Thread caller(String name, Supplier<Object> call, AtomicReference<Object> answer) {
        Thread thread = new Thread(() -> {
            try {
                answer.set(call.get());
            } catch (RuntimeException failed) {
                answer.set(failed);
            }
        }, name);
        thread.start();
        return thread;
    }
}
