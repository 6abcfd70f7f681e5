package dev.oversell.redis.lock;

import dev.oversell.catalogue.redis.lock.LockDesigns;
import dev.oversell.catalogue.redis.lock.LockedReadModifyWrite;
import dev.oversell.catalogue.redis.lock.SetNxPxLock;
import dev.oversell.design.Claim;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Observation;
import dev.oversell.model.PurchaseResult;
import dev.oversell.properties.database.Engines;
import dev.oversell.redis.NoKeyLeftBehind;
import dev.oversell.redis.RedisServer;
import dev.oversell.redis.RedisSettings;
import dev.oversell.store.Database;
import dev.oversell.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock check's own promises, on H2 and the run's Redis: an unfenced holder paused past its lease writes the
 * stock it read before the pause (both buyers sold the last unit); a fenced one is refused, starts again and is told
 * out of stock; a pause that does not outlast the lease is not checked, never held; and no key is left behind.
 */
class LockPauseCheckTest {

    private static Database h2;

    @BeforeAll
    static void servers() {
        RedisServer.openOrSkip();
        h2 = Engines.openOrSkip(Engine.H2);
    }

    private static LockDesign design(String name) {
        return LockDesigns.all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUnfencedHolderPausedPastItsLeaseWritesWhatItReadBeforeThePause() {
        LockPauseCheck.Run run = LockPauseCheck.run(design("redis-lock-set-nx-px"), h2, Duration.ofSeconds(15));
        assertThat(run.struck()).isTrue();
        assertThat(run.second()).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(run.first()).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(run.stockAfter()).as("the paused holder wrote 1 - 1 over the other buyer's 0").isZero();
        assertThat(run.finding()).isEqualTo(Finding.OVERSOLD);
        assertThat(run.story()).contains("paused past the lease of 300 ms");
    }

    @Test
    void aFencedHolderIsRefusedStartsAgainAndIsToldOutOfStock() {
        LockPauseCheck.Run run = LockPauseCheck.run(design("redis-lock-redisson-fenced"), h2, Duration.ofSeconds(15));
        assertThat(run.struck()).isTrue();
        assertThat(run.second()).isInstanceOf(PurchaseResult.Purchased.class);
        assertThat(run.first()).isInstanceOf(PurchaseResult.OutOfStock.class);
        assertThat(run.stockAfter()).isZero();
        assertThat(run.finding()).isEqualTo(Finding.HELD);
    }

    /**
     * A lease longer than the pause: buyer 2 waits for the lock, which is the lock working, and says nothing of what
     * happens when a lease runs out. Not checked, and a "never oversells" claim on it is not upheld.
     */
    @Test
    void aPauseThatDoesNotOutlastTheLeaseIsNotCheckedNeverHeld() {
        LockDesign longLease = new LockDesign("set-nx-px-long-lease", LockedReadModifyWrite.class,
                (keys, dataSource, table, lease, pause) -> new LockedReadModifyWrite(new SetNxPxLock(
                        RedisServer.client(RedisSettings.uri()), keys), false, dataSource, table, Duration.ofSeconds(30), pause),
                Claim.NEVER_OVERSELLS, "SET NX PX with a 30 s lease");
        Observation observed = LockPauseCheck.observe(longLease, h2, "rerun", Duration.ofMillis(500));
        assertThat(observed.coverage()).isInstanceOf(Coverage.NotChecked.class);
        assertThat(observed.finding()).isNull();
        assertThat(observed.note()).contains("buyer 2 waited for the lock");
        assertThat(LockPauseCheck.judge(longLease, List.of(observed))).isPresent();
    }

    @AfterAll
    static void noKeyIsLeftBehind() {
        NoKeyLeftBehind.check();
    }
}
