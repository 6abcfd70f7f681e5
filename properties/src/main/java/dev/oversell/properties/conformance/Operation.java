package dev.oversell.properties.conformance;

import dev.oversell.model.Inventory;
import dev.oversell.model.Order;
import dev.oversell.model.OrderInventory;
import dev.oversell.model.PurchaseRequest;

/** One call of the {@link Inventory} contract, as a value that can be printed and replayed. */
sealed interface Operation {

    Object applyTo(Inventory inventory);

    record Buy(PurchaseRequest request) implements Operation {
        @Override
        public Object applyTo(Inventory inventory) {
            return inventory.buy(request);
        }

        @Override
        public String toString() {
            return "buy(" + request.requestId() + ", " + request.product() + ", " + request.quantity() + ")";
        }
    }

    /** An order, sent only to a design that takes orders. */
    record Place(Order order) implements Operation {
        @Override
        public Object applyTo(Inventory inventory) {
            return ((OrderInventory) inventory).place(order);
        }

        @Override
        public String toString() {
            return "place(" + order.requestId() + ", " + order.lines().stream()
                    .map(line -> line.product() + " " + line.quantity()).toList() + ")";
        }
    }

    record Restock(String product, long units) implements Operation {
        @Override
        public Object applyTo(Inventory inventory) {
            inventory.restock(product, units);
            return "restocked";
        }

        @Override
        public String toString() {
            return "restock(" + product + ", " + units + ")";
        }
    }

    record ReadStock(String product) implements Operation {
        @Override
        public Object applyTo(Inventory inventory) {
            return inventory.stock(product);
        }

        @Override
        public String toString() {
            return "stock(" + product + ")";
        }
    }
}
