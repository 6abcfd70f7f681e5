package dev.oversell.catalogue.redis;

import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.StockOverflowException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@link LuaCheckAndDecrement}'s script as a Spring application sends it: through Spring Data Redis's
 * {@link StringRedisTemplate#execute(RedisScript, List, Object...)} on a {@link LettuceConnectionFactory} the
 * application configures. The template sends the script by its digest ({@code EVALSHA}) and in full ({@code EVAL})
 * when the server does not know it yet; the application loads it at start-up, as {@code LuaCheckAndDecrement} does,
 * so that a purchase is one command.
 *
 * <pre>
 * EVALSHA &lt;sha1 of the script&gt; 2 stock:sku answers  r1 1 sku   -- 1) "purchased" 2) "1" 3) "1" 4) "sku" 5) "new"
 * </pre>
 *
 * <p>Why it holds: the check, the decrement and the answer recorded are one script, and Redis runs a script to its
 * end before any other command; what the template adds is the connection and the serialization, not a step. Sent
 * twice, a request gets its first answer back and takes nothing the second time.
 *
 * <p>Where it breaks: not on one Redis, for the same reason as the Lettuce design. What it does not cover is Redis
 * itself: a server restarted without persistence forgets the stock and the answers.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-template-lua-check-and-decrement}): never oversells with several instances sharing one
 * Redis.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-template-lua-check-and-decrement}
 * <!-- /produced -->
 */
public final class TemplateLuaCheckAndDecrement implements Inventory {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(LuaCheckAndDecrement.SCRIPT, List.class);

    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final Keyspace keys;
    private volatile boolean closed;

    public TemplateLuaCheckAndDecrement(RedisEndpoint endpoint, Keyspace keys) {
        this.keys = keys;
        RedisURI uri = endpoint.uri();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        if (credentials != null && credentials.hasUsername()) {
            server.setUsername(credentials.getUsername());
        }
        if (credentials != null && credentials.hasPassword()) {
            server.setPassword(RedisPassword.of(credentials.getPassword()));
        }
        this.connections = new LettuceConnectionFactory(server, LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(20)).build());
        connections.setEagerInitialization(true); // connected at start-up, not inside the first purchase
        connections.afterPropertiesSet();
        connections.start();
        this.redis = new StringRedisTemplate(connections);
        redis.execute((RedisCallback<String>) connection -> connection.scriptingCommands()
                .scriptLoad(LuaCheckAndDecrement.SCRIPT.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        ensureOpen();
        List<?> answer = redis.execute(SCRIPT, List.of(keys.stock(request.product()), keys.answers()),
                request.requestId(), Integer.toString(request.quantity()), request.product());
        return LuaCheckAndDecrement.answerTo(request, answer);
    }

    /** {@code GET} of the product's stock; a product the store does not sell is an {@link UnknownProductException}. */
    @Override
    public long stock(String product) {
        ensureOpen();
        String units = redis.opsForValue().get(keys.stock(product));
        if (units == null) {
            throw new UnknownProductException(product);
        }
        return Long.parseLong(units);
    }

    /**
     * {@code SISMEMBER} of the products, then {@code INCRBY}: Redis refuses an increment past a 64-bit integer,
     * which is a {@link StockOverflowException}.
     */
    @Override
    public void restock(String product, long units) {
        ensureOpen();
        if (units <= 0) {
            throw new IllegalArgumentException("restock needs at least 1 unit, got " + units + " for " + product);
        }
        if (!Boolean.TRUE.equals(redis.opsForSet().isMember(keys.products(), product))) {
            throw new UnknownProductException(product);
        }
        try {
            redis.opsForValue().increment(keys.stock(product), units);
        } catch (DataAccessException refused) {
            if (overflow(refused)) {
                throw new StockOverflowException(product, stock(product), units);
            }
            throw refused;
        }
    }

    /** Whether Redis refused an increment as an overflow (its reply, on the cause Spring wraps). */
    private static boolean overflow(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("overflow")) {
                return true;
            }
        }
        return false;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }

    /** Closes the application's connection factory; the keys stay (they are the shared store's). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connections.destroy();
        }
    }
}
