package dev.oversell.power.database.designs;

import dev.oversell.power.CorrectTwin;
import dev.oversell.spring.SpringContextInventory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import static dev.oversell.engine.Engine.H2;
import static dev.oversell.engine.Engine.POSTGRESQL;
import static dev.oversell.engine.Engine.MARIADB;

/**
 * <b>Correct twin: SERIALIZABLE with retry.</b> {@link ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb}'s
 * service, the same read-then-write retried on a conflict, at SERIALIZABLE: PostgreSQL's SSI refuses one of two
 * buyers who read the same stock (40001), MariaDB's shared read locks make their UPDATEs deadlock (1213) and the
 * victim retries, H2 locks the rows it reads; every retry reads the stock anew.
 * <pre>
 *   SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
 *   SELECT stock FROM stock WHERE product = ?
 *   UPDATE stock SET stock = ? WHERE product = ?
 *   COMMIT                                            -- on a conflict: the whole purchase again
 * </pre>
 * Must hold on H2, PostgreSQL and MariaDB.
 */
@CorrectTwin(value = "read-then-write at SERIALIZABLE, a serialization failure retried",
        twinOf = {"spring-repeatable-read-with-retry"}, heldOn = {H2, POSTGRESQL, MARIADB})
public final class SerializableWithRetry extends SpringContextInventory {

    public SerializableWithRetry(DataSource dataSource) {
        super(dataSource, "stock", false, JdbcTemplateWiring.class, Serializable.class);
    }

    /** The service bean, at SERIALIZABLE. */
    @Configuration(proxyBeanMethods = false)
    static class Serializable {
        @Bean
        ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb.StockService stockService(JdbcTemplate jdbc,
                                                                                        TransactionTemplate template) {
            return new ReadThenWriteWithRetry_BrokenAtRepeatableReadOnMariaDb.StockService(jdbc, template,
                    TransactionDefinition.ISOLATION_SERIALIZABLE);
        }
    }
}
