package dev.oversell.spring;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import javax.sql.DataSource;

/**
 * An {@link Inventory} whose purchases run in a Spring application context built once, in the constructor,
 * over exactly the {@link DataSource} it is given: no pool of its own, no auto-configuration, so that every
 * connection the context's beans use comes from that data source (a checker can hand it one that schedules
 * statements). Closing the inventory closes the context; the data source is the caller's, and stays open.
 *
 * <p>A restock is the one atomic statement every design shares ({@link AtomicRestock}) on the design's
 * table; only the purchase differs.
 */
public abstract class SpringContextInventory implements Inventory {

    private final AnnotationConfigApplicationContext context;
    private final DataSource dataSource;
    private final String table;
    private final boolean versioned;

    /**
     * A context of {@code wiring} ({@code @Configuration} classes, one {@link InventoryService} bean among them),
     * with {@code dataSource} as its one DataSource; the design keeps its stock rows ({@code product},
     * {@code stock}) in {@code table}, with a version column every change must bump if {@code versioned}.
     */
    protected SpringContextInventory(DataSource dataSource, String table, boolean versioned, Class<?>... wiring) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // a singleton from outside: the context uses it and never closes it (a bean it created from an
        // AutoCloseable, such as a pool, it would close with itself)
        context.getBeanFactory().registerSingleton("dataSource", dataSource);
        context.register(wiring);
        context.refresh();
        this.context = context;
        this.dataSource = dataSource;
        this.table = table;
        this.versioned = versioned;
    }

    /** The context's service bean, whose methods are the design's transactions. */
    protected final InventoryService service() {
        return bean(InventoryService.class);
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        return service().buy(request);
    }

    @Override
    public long stock(String product) {
        return service().stock(product);
    }

    /** The context's bean of {@code type}; an {@link IllegalStateException} once the inventory is closed. */
    protected final <T> T bean(Class<T> type) {
        if (!context.isActive()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        return context.getBean(type);
    }

    @Override
    public void restock(String product, long units) {
        if (!context.isActive()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        AtomicRestock.restock(dataSource, table, versioned, product, units);
    }

    @Override
    public void close() {
        context.close();
    }
}
