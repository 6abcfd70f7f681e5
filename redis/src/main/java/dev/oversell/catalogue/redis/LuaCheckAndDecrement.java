package dev.oversell.catalogue.redis;

import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.model.RequestIdConflictException;
import dev.oversell.model.UnknownProductException;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisEndpoint;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

import java.util.List;

/**
 * The check and the decrement in one Lua script: Redis runs a script to its end before
 * any other command, so nothing can come between the read and the write.
 *
 * <pre>
 * EVALSHA &lt;sha1 of SCRIPT&gt; 2 stock:sku answers  r1 1 sku   -- 1) "purchased" 2) "1" 3) "1" 4) "sku" 5) "new"
 * </pre>
 *
 * <p>Why it holds: {@link GetThenDecrBy_BrokenCheckThenAct}'s two round trips become one step. The script also
 * records each request's answer in a hash, in the same step, so a request sent twice gets its first answer back
 * and takes nothing the second time (the contract's "each purchase counted once"); the same id with other content
 * is a {@link RequestIdConflictException}.
 *
 * <p>Where it breaks: not on one Redis. What it does not cover is Redis itself: a server restarted without
 * persistence forgets the stock and the answers (the queue step of issue 23 judges that). The script is sent by
 * its digest ({@code EVALSHA}) and, when the server does not know it yet ({@code NOSCRIPT}), in full
 * ({@code EVAL}), which also loads it.
 * <!-- produced from the design's declaration (DesignHeaders): not edited by hand -->
 * <p><b>Claims</b> ({@code redis-lua-check-and-decrement}): never oversells with several instances sharing one Redis.
 * <p><b>See it</b>: {@code mvn -q -pl redis -am verify -Dtest=BuiltInRedisTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=redis-lua-check-and-decrement}
 * <!-- /produced -->
 */
public final class LuaCheckAndDecrement extends RedisInventory {

    /**
     * KEYS: the stock, the answers. ARGV: request id, quantity, product. Returns kind, quantity, stock seen, product,
     * and whether the answer is new or the request's first one.
     */
    static final String SCRIPT = """
            local earlier = redis.call('HGET', KEYS[2], ARGV[1])
            if earlier then
              local kind, quantity, seen, product = string.match(earlier, '^(%S+) (%S+) (%S+) (.*)$')
              return {kind, quantity, seen, product, 'earlier'}
            end
            local stock = redis.call('GET', KEYS[1])
            if not stock then
              return {'unknown'}
            end
            local kind = 'out-of-stock'
            if tonumber(stock) >= tonumber(ARGV[2]) then
              redis.call('DECRBY', KEYS[1], ARGV[2])
              kind = 'purchased'
            end
            redis.call('HSET', KEYS[2], ARGV[1], kind .. ' ' .. ARGV[2] .. ' ' .. stock .. ' ' .. ARGV[3])
            return {kind, ARGV[2], stock, ARGV[3], 'new'}
            """;

    private final String digest;

    public LuaCheckAndDecrement(RedisEndpoint redis, Keyspace keys) {
        super(redis, keys);
        this.digest = redis().scriptLoad(SCRIPT); // at start-up, as an application loads its scripts
    }

    @Override
    public PurchaseResult buy(PurchaseRequest request) {
        String[] scriptKeys = {keys.stock(request.product()), keys.answers()};
        String[] args = {request.requestId(), Integer.toString(request.quantity()), request.product()};
        List<Object> answer;
        try {
            answer = redis().evalsha(digest, ScriptOutputType.MULTI, scriptKeys, args);
        } catch (RedisNoScriptException notLoaded) {
            answer = redis().eval(SCRIPT, ScriptOutputType.MULTI, scriptKeys, args);
        }
        return answerTo(request, answer);
    }

    /**
     * The script's answer to {@code request}: kind, quantity, stock seen, product (and whether the answer is new),
     * or {@code unknown}; the same id with other content is a {@link RequestIdConflictException}.
     */
    static PurchaseResult answerTo(PurchaseRequest request, List<?> answer) {
        String kind = (String) answer.get(0);
        if (kind.equals("unknown")) {
            throw new UnknownProductException(request.product());
        }
        int quantity = Integer.parseInt((String) answer.get(1));
        long seen = Long.parseLong((String) answer.get(2));
        String product = (String) answer.get(3);
        PurchaseRequest first = PurchaseRequest.of(request.requestId(), product, quantity);
        if (!first.equals(request)) {
            throw new RequestIdConflictException(request.requestId(), first, request);
        }
        return kind.equals("purchased") ? purchased(request) : outOfStock(request, seen);
    }
}
