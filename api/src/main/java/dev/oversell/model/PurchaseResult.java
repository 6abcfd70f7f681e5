package dev.oversell.model;

/** The answer to a {@link PurchaseRequest}: either it was purchased, or the stock seen was too small. */
public sealed interface PurchaseResult permits PurchaseResult.Purchased, PurchaseResult.OutOfStock {

    String requestId();

    String product();

    /** Units this answer sold: the quantity if purchased, zero if out of stock. */
    int unitsSold();

    /** The request was applied: {@code quantity} units left the stock. */
    record Purchased(String requestId, String product, int quantity) implements PurchaseResult {
        @Override
        public int unitsSold() {
            return quantity;
        }
    }

    /** The request was rejected and changed nothing: only {@code stockSeen} units were in stock. */
    record OutOfStock(String requestId, String product, int requested, long stockSeen) implements PurchaseResult {
        @Override
        public int unitsSold() {
            return 0;
        }
    }

    static PurchaseResult purchased(PurchaseRequest request) {
        return new Purchased(request.requestId(), request.product(), request.quantity());
    }

    static PurchaseResult outOfStock(PurchaseRequest request, long stockSeen) {
        return new OutOfStock(request.requestId(), request.product(), request.quantity(), stockSeen);
    }
}
