package com.example.bootshop;

import com.example.bootshop.PurchaseService.Purchase;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import javax.sql.DataSource;
import java.util.function.BiFunction;

/**
 * One instance of the shop (one app server) as Oversell checks it: the Spring Boot application, started over exactly
 * the {@link DataSource} the checker gives it (registered before the context starts, so Boot's own pool is never
 * built), its purchases those of {@link PurchaseService}. Flyway is off here: the checker creates the tables of
 * {@code db/migration} itself before every schedule, from the same migrations ({@link BootShopDesigns#STOCK_ITEM}). Closing the instance closes the context; the data
 * source is the checker's.
 */
final class BootShopInventory implements Inventory {

    private final ConfigurableApplicationContext context;
    private final PurchaseService service;
    private final ReservationDesk desk;
    private final BiFunction<BootShopInventory, PurchaseRequest, Purchase> purchase;

    private BootShopInventory(DataSource dataSource, BiFunction<BootShopInventory, PurchaseRequest, Purchase> purchase) {
        this.context = new SpringApplicationBuilder(BootShopApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.flyway.enabled=false", "spring.jmx.enabled=false")
                .initializers(context -> ((GenericApplicationContext) context).getBeanFactory()
                        .registerSingleton("dataSource", dataSource))
                .run();
        this.service = context.getBean(PurchaseService.class);
        this.desk = context.getBean(ReservationDesk.class);
        this.purchase = purchase;
    }

    /** The shop checking out with {@link PurchaseService#buyGuarded}. */
    static BootShopInventory guarded(DataSource dataSource) {
        return new BootShopInventory(dataSource, (shop, r) -> shop.service.buyGuarded(r.product(), r.quantity()));
    }

    /** The shop checking out at its {@link ReservationDesk}, on the desk's pool. */
    static BootShopInventory reservationDesk(DataSource dataSource) {
        return new BootShopInventory(dataSource, (shop, r) -> shop.desk.reserve(r.product(), r.quantity()));
    }

    /** The shop checking out with {@link PurchaseService#buyReadModifyWrite}. */
    static BootShopInventory readModifyWrite(DataSource dataSource) {
        return new BootShopInventory(dataSource, (shop, r) -> shop.service.buyReadModifyWrite(r.product(), r.quantity()));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        Purchase answer = purchase.apply(this, request);
        return switch (answer.outcome()) {
            case PURCHASED -> PurchaseResult.purchased(request);
            case OUT_OF_STOCK -> PurchaseResult.outOfStock(request, answer.stockSeen());
            case UNKNOWN_PRODUCT -> throw new UnknownProductException(request.product());
        };
    }

    @Override
    public long stock(String product) {
        long stock = service.stock(product);
        if (stock < 0) {
            throw new UnknownProductException(product);
        }
        return stock;
    }

    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        if (!service.restock(product, units)) {
            long stock = stock(product); // throws if there is no such product
            throw new StockOverflowException(product, stock, units);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
