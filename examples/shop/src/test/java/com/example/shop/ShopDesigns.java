package com.example.shop;

import dev.oversell.design.Claim;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.design.DesignProvider;

import java.util.List;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;

/**
 * The shop's designs and what the shop claims of them; Oversell finds this class through
 * {@code src/test/resources/META-INF/services/dev.oversell.design.DesignProvider}.
 *
 * <p>{@code -Dshop.misclaim=true} claims the broken counter is safe, as a careless review would: the build must
 * then fail with the counterexample (the toolkit's CI runs it both ways).
 */
public final class ShopDesigns implements DesignProvider {

    @Override
    public List<Design> designs() {
        Claim brokenCounterClaim = Boolean.getBoolean("shop.misclaim") ? NEVER_OVERSELLS : MAY_OVERSELL;
        return List.of(
                InMemoryDesign.named("shop-ticket-counter")
                        .of(TicketCounter.class, TicketCounter::new)
                        .runsOnCallerThread()
                        .claims(NEVER_OVERSELLS)
                        .mechanism("one ReentrantLock around every call")
                        .build(),
                InMemoryDesign.named("shop-atomic-check")
                        .of(TicketCounter_BrokenAtomicCheck.class, TicketCounter_BrokenAtomicCheck::new)
                        .runsOnCallerThread()
                        .claims(brokenCounterClaim)
                        .mechanism("an AtomicLong per product, checked then decremented")
                        .build(),
                DatabaseDesign.named("shop-guarded-decrement")
                        .script(new GuardedDecrement())
                        .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                        .mechanism("UPDATE ... SET stock = stock - ? WHERE stock >= ?")
                        .build());
    }
}
