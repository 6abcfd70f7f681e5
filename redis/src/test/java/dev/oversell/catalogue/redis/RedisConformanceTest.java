package dev.oversell.catalogue.redis;

import dev.oversell.design.Designs;
import dev.oversell.properties.Seeds;
import dev.oversell.properties.conformance.ConformanceSuite;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.redis.RedisDesign;
import dev.oversell.redis.RedisEndpoint;
import dev.oversell.redis.RedisServer;
import dev.oversell.run.TestNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Redis design, called one operation at a time on a store of its own, gives exactly the specification's
 * answers on seeded random sequences: {@link ConformanceSuite}'s sequences and comparison, on the Redis the run
 * uses. {@code -Doversell.seed=N} reruns one; {@code -Doversell.redisSequences=N} runs more (default 40);
 * {@code -Doversell.design=NAME} one design.
 */
class RedisConformanceTest {

    private static final int SEQUENCES = Seeds.intProperty("oversell.redisSequences", 40);

    @TestFactory
    Stream<DynamicTest> everyRedisDesignGivesTheSpecificationsAnswers() {
        String only = System.getProperty(Designs.ONLY, "");
        long base = Seeds.base();
        long[] seeds = Seeds.single().isPresent() ? new long[] {Seeds.single().getAsLong()}
                : IntStream.range(0, SEQUENCES).mapToLong(i -> Seeds.derived(base, i)).toArray();
        return RedisDesigns.all().stream().filter(d -> only.isBlank() || d.name().equals(only))
                .map(design -> DynamicTest.dynamicTest(TestNames.of(design.name(), "conforms to the specification"),
                        () -> conforms(design, seeds)));
    }

    private static void conforms(RedisDesign design, long[] seeds) {
        try (RedisEndpoint redis = RedisServer.endpointOrSkip()) {
            for (long seed : seeds) {
                ConformanceSuite.conforms(design.name(), design.type(), design.deduplicatesRequestIds(), true,
                        stock -> design.createWithOwnStore(redis, stock), seed, RedisConformanceTest.class);
            }
        }
    }

    /** Each sequence's store is deleted when its instance closes: none of this JVM's keys are left. */
    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
