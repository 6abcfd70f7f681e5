package dev.oversell.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.oversell.model.Order.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    @Test
    void anInvalidOrderCannotBeBuilt() {
        assertThatThrownBy(() -> Order.of(" ", line("a", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request id");
        assertThatThrownBy(() -> Order.of("o1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
        assertThatThrownBy(() -> Order.of("o1", line("a", 1), line("a", 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("product a is on two lines");
        assertThatThrownBy(() -> line("a", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> line(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anOrdersLinesKeepTheirOrderAndCannotBeChangedAfterwards() {
        List<Order.Line> lines = new ArrayList<>(List.of(line("b", 1), line("a", 2)));
        Order order = new Order("o1", lines);
        lines.clear();
        assertThat(order.lines()).containsExactly(line("b", 1), line("a", 2));
    }
}
