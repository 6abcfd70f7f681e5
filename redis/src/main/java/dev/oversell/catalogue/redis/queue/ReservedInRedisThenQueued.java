package dev.oversell.catalogue.redis.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.queue.KillPoint;
import dev.oversell.store.StoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The front of a flash sale that hands its orders to a queue: a Lua script checks and takes the units in Redis (the
 * hot stock), then the order is published to RabbitMQ (persistent, confirmed by the broker) and the buyer is told
 * "purchased"; an {@link OrderConsumer} writes it to the database later. The database's stock and orders are the
 * accounts that count: what the warehouse ships. Whether they stay true is the consumer's business
 * ({@link OrderConsumer}): a broker delivers a message again when its consumer died before acknowledging it.
 * Restocks add to Redis's stock only (the database's grows with a supply the check does not send).
 */
public final class ReservedInRedisThenQueued implements Inventory {

    /** Takes {@code ARGV[1]} units if there are that many: -2 when taken, -1 for an unknown product, else the stock. */
    static final String RESERVE = """
            local stock = redis.call('GET', KEYS[1])
            if not stock then return -1 end
            stock = tonumber(stock)
            if stock >= tonumber(ARGV[1]) then
              redis.call('DECRBY', KEYS[1], ARGV[1])
              return -2
            end
            return stock
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> redis;
    private final Keyspace keys;
    private final Connection broker;
    private final Channel channel;
    private final String queue;
    private final KillPoint kill;

    public ReservedInRedisThenQueued(RedisClient client, Keyspace keys, ConnectionFactory brokers, String queue,
                                     KillPoint kill) {
        this.client = client;
        this.kill = kill;
        this.redis = client.connect();
        this.keys = keys;
        this.queue = queue;
        try {
            this.broker = brokers.newConnection("oversell-front");
            this.channel = broker.createChannel();
            channel.confirmSelect();
        } catch (Exception e) {
            redis.close();
            throw new StoreException("cannot open the queue's channel: " + e.getMessage(), e);
        }
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        long taken = redis.sync().eval(RESERVE, ScriptOutputType.INTEGER, new String[] {keys.stock(request.product())},
                String.valueOf(request.quantity()));
        if (taken == -1) {
            throw new UnknownProductException(request.product());
        }
        if (taken >= 0) {
            return PurchaseResult.outOfStock(request, taken);
        }
        kill.between(request.requestId());
        String order = request.requestId() + "," + request.product() + "," + request.quantity();
        try {
            synchronized (channel) {
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        order.getBytes(StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());
            }
        } catch (Exception e) {
            throw new StoreException("order " + request.requestId() + " was taken in Redis but not queued: " + e, e);
        }
        return PurchaseResult.purchased(request);
    }

    @Override
    public long stock(String product) {
        String stock = redis.sync().get(keys.stock(product));
        if (stock == null) {
            throw new UnknownProductException(product);
        }
        return Long.parseLong(stock);
    }

    @Override
    public void restock(String product, long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("a restock adds at least 1 unit, got " + units);
        }
        stock(product);
        redis.sync().incrby(keys.stock(product), units);
    }

    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception ignored) {
            // the broker may have gone first; nothing of the sale is lost by not closing politely
        }
        redis.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
