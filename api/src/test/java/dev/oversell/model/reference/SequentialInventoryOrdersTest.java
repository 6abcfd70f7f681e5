package dev.oversell.model.reference;

import dev.oversell.model.Order;
import dev.oversell.model.OrderResult;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.oversell.model.Order.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The specification of orders: all or nothing, the first short line named, each order counted once. */
class SequentialInventoryOrdersTest {

    private final SequentialInventory inventory = new SequentialInventory(Map.of("a", 3L, "b", 2L));

    @Test
    void anOrderWhoseEveryLineFitsTakesEveryLine() {
        OrderResult result = inventory.place(Order.of("o1", line("a", 2), line("b", 2)));

        assertThat(result).isEqualTo(new OrderResult.Placed("o1", java.util.List.of(line("a", 2), line("b", 2))));
        assertThat(result.unitsSold("a")).isEqualTo(2);
        assertThat(inventory.stock("a")).isEqualTo(1);
        assertThat(inventory.stock("b")).isZero();
    }

    @Test
    void anOrderWithAShortLineTakesNothingAndNamesTheFirstShortLine() {
        OrderResult result = inventory.place(Order.of("o1", line("a", 1), line("b", 3)));

        assertThat(result).isEqualTo(new OrderResult.Refused("o1", "b", 3, 2));
        assertThat(result.unitsSold("a")).isZero();
        assertThat(inventory.stock("a")).isEqualTo(3);
        assertThat(inventory.stock("b")).isEqualTo(2);
        assertThat(inventory.place(Order.of("o2", line("a", 4), line("b", 3))))
                .isEqualTo(new OrderResult.Refused("o2", "a", 4, 3));
    }

    @Test
    void anUnknownProductOnAnyLineIsAnErrorAndChangesNothing() {
        assertThatThrownBy(() -> inventory.place(Order.of("o1", line("a", 1), line("ghost", 1))))
                .isInstanceOf(UnknownProductException.class);

        assertThat(inventory.stock("a")).isEqualTo(3);
        assertThat(inventory.place(Order.of("o1", line("a", 1)))).isInstanceOf(OrderResult.Placed.class);
    }

    @Test
    void aResubmittedOrderGetsTheFirstAnswerAndChangesNothing() {
        Order order = Order.of("o1", line("a", 2), line("b", 1));
        OrderResult first = inventory.place(order);

        assertThat(inventory.place(order)).isEqualTo(first);
        assertThat(inventory.stock("a")).isEqualTo(1);
        assertThat(inventory.stock("b")).isEqualTo(1);
    }

    @Test
    void anIdReusedForOtherContentIsAConflictWhetherOrderOrPurchase() {
        inventory.place(Order.of("o1", line("a", 1)));
        inventory.buy(PurchaseRequest.of("r1", "b", 1));

        assertThatThrownBy(() -> inventory.place(Order.of("o1", line("a", 2))))
                .isInstanceOf(RequestIdConflictException.class);
        assertThatThrownBy(() -> inventory.buy(PurchaseRequest.of("o1", "a", 1)))
                .isInstanceOf(RequestIdConflictException.class);
        assertThatThrownBy(() -> inventory.place(Order.of("r1", line("b", 1))))
                .isInstanceOf(RequestIdConflictException.class);
        assertThat(inventory.stock("a")).isEqualTo(2);
        assertThat(inventory.stock("b")).isEqualTo(1);
    }
}
