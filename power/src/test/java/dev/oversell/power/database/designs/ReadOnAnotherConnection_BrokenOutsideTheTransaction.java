package dev.oversell.power.database.designs;

import dev.oversell.judge.Finding;
import dev.oversell.power.Family;
import dev.oversell.power.KnownBug;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.spring.InventoryService;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Bug: two connections, the read on one and the write on another.</b> A {@code @Transactional} service writes
 * through its {@link JdbcTemplate} (the transaction's connection), but reads through an older helper that takes
 * its own connection with {@code dataSource.getConnection()}: the read is outside the transaction, whatever its
 * level, and two buyers can read the same stock.
 * <pre>
 *   connection 2, autocommit:  SELECT stock FROM stock WHERE product = ?
 *   connection 1:              UPDATE stock SET stock = ? WHERE product = ?    -- the stock read minus quantity
 *                              COMMIT
 * </pre>
 * Where it breaks (last unit): T1 and T2 read 1; both write 0. Oversell: both buyers got the last unit. Must be
 * caught on H2, PostgreSQL and MariaDB.
 */
@KnownBug(value = "@Transactional writes on its connection, the read takes its own from the DataSource",
        caughtBy = Family.DATABASES, caughtOn = {H2, POSTGRESQL, MARIADB}, seenAs = Finding.OVERSOLD)
public final class ReadOnAnotherConnection_BrokenOutsideTheTransaction extends SpringContextInventory {

    public ReadOnAnotherConnection_BrokenOutsideTheTransaction(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, StockService.class);
    }

    /** The service as a Spring application has it. */
    public static class StockService implements InventoryService {

        private final JdbcTemplate jdbc;
        private final DataSource dataSource;

        public StockService(JdbcTemplate jdbc, DataSource dataSource) {
            this.jdbc = jdbc;
            this.dataSource = dataSource;
        }

        @Transactional
        public PurchaseResult buy(PurchaseRequest request) {
            long stock = stock(request.product());
            if (stock < request.quantity()) {
                return PurchaseResult.outOfStock(request, stock);
            }
            jdbc.update("UPDATE stock SET stock = ? WHERE product = ?", stock - request.quantity(), request.product());
            return PurchaseResult.purchased(request);
        }

        /** The helper the service has always used: a connection of its own. */
        public long stock(String product) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement read = c.prepareStatement("SELECT stock FROM stock WHERE product = ?")) {
                read.setString(1, product);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new UnknownProductException(product);
                    }
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the stock of " + product, e);
            }
        }
    }
}
