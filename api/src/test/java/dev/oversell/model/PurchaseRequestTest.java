package dev.oversell.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseRequestTest {

    @Test
    void zeroOrNegativeQuantityCannotBeRequested() {
        assertThatThrownBy(() -> PurchaseRequest.of("r1", "sku", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PurchaseRequest.of("r1", "sku", -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
    }

    @Test
    void aRequestNeedsAnIdAndAProduct() {
        assertThatThrownBy(() -> PurchaseRequest.of(null, "sku", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchaseRequest.of(" ", "sku", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchaseRequest.of("r1", null, 1)).isInstanceOf(NullPointerException.class);
    }
}
