package dev.oversell.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy: jittered pauses within their bounds, and a worst case that covers every attempt. */
class RetryPolicyTest {

    private static final long SEED = 20261125L;

    @Test
    void jitteredPausesStayBetweenHalfTheBackoffAndAllOfIt() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Random random = new Random(SEED);
        for (int attempt = 2; attempt <= policy.maxAttempts(); attempt++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long pause = policy.jitteredBackoffMillis(attempt, random);
                assertThat(pause).as("attempt %d, seed %d", attempt, SEED)
                        .isBetween(policy.backoffMillis(attempt) / 2, policy.backoffMillis(attempt));
                seen.add(pause);
            }
            if (policy.backoffMillis(attempt) >= 4) {
                assertThat(seen).as("pauses before attempt %d vary (seed %d)", attempt, SEED).hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void theWorstCaseCoversEveryAttemptWaitingOutEveryLock() {
        RetryPolicy policy = new RetryPolicy(3, 10, 20);
        // 3 attempts x (2 statements x 1000 ms + 1000 ms of slack) + pauses of 10 and 20 ms
        assertThat(policy.worstCase(1_000, 2)).isEqualTo(Duration.ofMillis(3 * 3_000 + 10 + 20));
    }
}
