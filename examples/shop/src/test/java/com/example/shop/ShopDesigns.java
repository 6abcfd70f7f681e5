package com.example.shop;

import dev.oversell.design.Claim;
import dev.oversell.design.DatabaseVariant;
import dev.oversell.design.InMemoryVariant;
import dev.oversell.design.Variant;
import dev.oversell.design.VariantProvider;

import java.util.List;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;

/**
 * The shop's designs and what the shop claims of them; Oversell finds this class through
 * {@code src/test/resources/META-INF/services/dev.oversell.design.VariantProvider}.
 *
 * <p>{@code -Dshop.misclaim=true} claims the broken counter is safe, as a careless review would: the build must
 * then fail with the counterexample (the toolkit's CI runs it both ways).
 */
public final class ShopDesigns implements VariantProvider {

    @Override
    public List<Variant> variants() {
        Claim brokenCounterClaim = Boolean.getBoolean("shop.misclaim") ? NEVER_OVERSELLS : MAY_OVERSELL;
        return List.of(
                InMemoryVariant.named("shop-ticket-counter")
                        .of(TicketCounter.class, TicketCounter::new)
                        .runsOnCallerThread()
                        .claims(NEVER_OVERSELLS)
                        .mechanism("one ReentrantLock around every call")
                        .build(),
                InMemoryVariant.named("shop-atomic-check")
                        .of(TicketCounter_BrokenAtomicCheck.class, TicketCounter_BrokenAtomicCheck::new)
                        .runsOnCallerThread()
                        .claims(brokenCounterClaim)
                        .mechanism("an AtomicLong per product, checked then decremented")
                        .build(),
                DatabaseVariant.named("shop-guarded-decrement")
                        .script(new GuardedDecrement())
                        .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                        .mechanism("UPDATE ... SET stock = stock - ? WHERE stock >= ?")
                        .build());
    }
}
