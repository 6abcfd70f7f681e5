package com.example.bootshop;

import dev.oversell.design.Claim;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.JdbcSchema;
import dev.oversell.design.Design;
import dev.oversell.design.DesignProvider;
import dev.oversell.spring.Migrations;

import java.util.List;

import static dev.oversell.design.Claim.MAY_OVERSELL;
import static dev.oversell.design.Claim.NEVER_OVERSELLS;

/**
 * The shop's three checkouts and what the shop claims of them; Oversell finds this class through
 * {@code src/test/resources/META-INF/services/dev.oversell.design.DesignProvider}.
 *
 * <p>{@code -Dshop.misclaim=true} claims the read-modify-write checkout never oversells, as a careless review would:
 * the build must then fail with the interleaving that oversells (the toolkit's CI runs it both ways).
 */
public final class BootShopDesigns implements DesignProvider {

    /**
     * The shop's tables as its own Flyway migrations ({@code db/migration}) create them, which the checker creates
     * afresh before every schedule: the DDL is written once, in the migration.
     */
    static final JdbcSchema STOCK_ITEM = Migrations.schemaAt(Migrations.SPRING_BOOT_LOCATION, "stock_item");

    @Override
    public List<Design> designs() {
        Claim readModifyWrite = Boolean.getBoolean("shop.misclaim") ? NEVER_OVERSELLS : MAY_OVERSELL;
        return List.of(
                DatabaseDesign.named("boot-shop-guarded-update")
                        .overDataSource(BootShopInventory.class, STOCK_ITEM, BootShopInventory::guarded)
                        .doesNotDeduplicateRequestIds()
                        .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                        .mechanism("@Transactional service, Spring Data @Modifying @Query: UPDATE ... WHERE stock >= ?")
                        .build(),
                DatabaseDesign.named("boot-shop-reservation-desk")
                        .overDataSource(BootShopInventory.class, STOCK_ITEM, BootShopInventory::reservationDesk)
                        .doesNotDeduplicateRequestIds()
                        .claimsOnEveryEngine(NEVER_OVERSELLS, NEVER_OVERSELLS)
                        .mechanism("the guarded @Transactional purchase, run on a two-thread ThreadPoolTaskExecutor"
                                + " that carries the caller's context (a bulkhead)")
                        .build(),
                DatabaseDesign.named("boot-shop-read-modify-write")
                        .overDataSource(BootShopInventory.class, STOCK_ITEM, BootShopInventory::readModifyWrite)
                        .doesNotDeduplicateRequestIds()
                        .claimsOnEveryEngine(readModifyWrite, readModifyWrite)
                        .mechanism("@Transactional(READ_COMMITTED) service: findById, check, decrement the entity")
                        .build());
    }
}
