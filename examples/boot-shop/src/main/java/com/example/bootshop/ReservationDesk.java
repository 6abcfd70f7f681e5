package com.example.bootshop;

import com.example.bootshop.PurchaseService.Purchase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Checkout under a flash sale through a bulkhead: each reservation runs on the {@code reservationExecutor} pool
 * ({@link BootShopApplication#reservationExecutor}: two threads, so at most two connections are busy with checkout
 * however many buyers wait), as one {@link PurchaseService#buyGuarded} transaction; the caller waits for its
 * answer. Never oversells: the guarded UPDATE is the check, under the row lock, whichever pool thread sends it; the
 * pool only bounds how many run at once. Its tasks carry the caller's context (Spring's
 * {@code ContextPropagatingTaskDecorator}, as Boot's observability does for a trace), which is also how Oversell's
 * checks follow the work onto the pool's threads.
 */
@Service
public class ReservationDesk {

    private final PurchaseService purchases;
    private final Executor pool;

    public ReservationDesk(PurchaseService purchases, @Qualifier("reservationExecutor") Executor pool) {
        this.purchases = purchases;
        this.pool = pool;
    }

    public Purchase reserve(String product, int units) {
        try {
            return CompletableFuture.supplyAsync(() -> purchases.buyGuarded(product, units), pool).join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }
}
