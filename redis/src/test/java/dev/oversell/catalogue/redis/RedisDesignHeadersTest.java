package dev.oversell.catalogue.redis;

import dev.oversell.design.ClaimWords;
import dev.oversell.design.Designs;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.lock.LockDesign;
import dev.oversell.redis.queue.QueueDesign;
import dev.oversell.run.DesignHeaders;
import dev.oversell.run.DesignHeaders.Entry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Redis, lock and queue design's source file shows the claim {@link RedisDesigns} declares for it and the
 * command that shows its verdict ({@link DesignHeaders}); {@code -Doversell.headers.write=true} writes them.
 */
class RedisDesignHeadersTest {

    @Test
    void everyDesignFileShowsWhatItsDeclarationSays() throws IOException {
        RedisDesigns declared = new RedisDesigns();
        Map<String, List<Entry>> designs = new LinkedHashMap<>();
        for (RedisDesign design : declared.designs()) {
            add(designs, design.type(), design.name(), ClaimWords.sharing(design.claim(), "one Redis")
                    + (design.accepts() == null ? "" : "; it declares a weaker contract: it "
                    + design.accepts().words()));
        }
        for (LockDesign design : declared.lockDesigns()) {
            add(designs, design.type(), design.name(), ClaimWords.sharing(design.claim(),
                    "one database and one lock in Redis, a holder paused past its lease"));
        }
        for (QueueDesign design : declared.queueDesigns()) {
            add(designs, design.type(), design.name(), ClaimWords.sharing(design.claim(),
                    "one Redis, one queue and one database, the consumer killed after its insert and before its ack,"
                    + " the front after its Redis decrement and before its publish,"
                    + " Redis restarted with an order in flight"));
        }
        boolean write = Boolean.getBoolean(DesignHeaders.WRITE);
        List<String> stale = DesignHeaders.check(Path.of("src/main/java"), designs, write);

        if (write) {
            stale.forEach(file -> System.out.println("[oversell] header written: " + file));
            return;
        }
        assertThat(stale).as("design files whose claim or command is not their declaration's; "
                + DesignHeaders.command("redis", "RedisDesignHeadersTest", DesignHeaders.WRITE + "=true")
                + " writes them").isEmpty();
    }

    private static void add(Map<String, List<Entry>> designs, Class<?> type, String name, String claim) {
        designs.computeIfAbsent(type.getName(), t -> new ArrayList<>()).add(new Entry(name, claim,
                DesignHeaders.command("redis", "BuiltInRedisTest", Designs.ONLY + "=" + name)));
    }
}
