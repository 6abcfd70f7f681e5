package dev.oversell.catalogue.redis.queue;

import dev.oversell.redis.Keyspace;
import dev.oversell.redis.queue.Reconciler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The reconciliation a restart seems to ask for: Redis lost the stock, the database has it, so Redis is given the
 * database's stock again, at once.
 *
 * <p>Why it breaks: the database's stock is what the consumer has written, not what the front has sold. An order
 * taken in Redis and published before the restart, still in the queue, is in neither: the database has not taken it
 * yet and the restarted Redis never knew it. The reset gives its unit back to the sale, a second buyer takes it, and
 * when the consumer writes both orders the database holds more units in orders than existed.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-queue-reset-from-database}): may oversell with several instances sharing one Redis,
 * one queue and one database, the consumer killed after its insert and before its ack, the front after its Redis
 * decrement and before its publish, Redis restarted with an order in flight.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-queue-reset-from-database}
 * <!-- /produced -->
 */
public final class ResetFromDatabase implements Reconciler {

    @Override
    public void reconcile(RedisClient client, Keyspace keys, DataSource database, String stockTable,
                          OrdersInFlight orders) throws Exception {
        reset(client, keys, database, stockTable);
    }

    /** Redis's stock of every product := the database's ({@code SELECT product, stock FROM stockTable}). */
    static void reset(RedisClient client, Keyspace keys, DataSource database, String stockTable) throws Exception {
        Map<String, Long> stock = new HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT product, stock FROM " + stockTable)) {
            while (rs.next()) {
                stock.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            keys.seed(redis.sync(), stock);
        }
    }
}
