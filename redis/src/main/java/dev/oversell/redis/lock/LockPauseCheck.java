package dev.oversell.redis.lock;

import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.model.Inventory;
import dev.oversell.model.PurchaseRequest;
import dev.oversell.model.PurchaseResult;
import dev.oversell.redis.FaultRuns;
import dev.oversell.redis.Keyspace;
import dev.oversell.redis.RedisServer;
import dev.oversell.store.Database;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock design under the fault that breaks a lease: two application instances share the database and the lock;
 * buyer 1 takes the lock, reads the last unit, and stops at the program point between its read and its write
 * ({@link PausePoint}) until Redis has let its lease go; buyer 2 then buys through the other instance; then buyer 1
 * goes on. Judged on the database's accounts against what both buyers were told ({@link Finding#ofAccounts}).
 *
 * <p>A run is one such schedule, the same every time; {@value #RUNS} runs per engine. A run in which the fault did
 * not strike (the lock was still held when buyer 2 came, so buyer 2 waited for buyer 1) proves nothing about the
 * lease: it is counted apart, and an engine on which no run struck is <em>not checked</em>, never held. The pause is
 * the holder's thread stopped at the point: with an explicit lease nothing renews the lock, so Redis sees what it
 * sees of a process stopped by a GC pause (a watchdog that renews the lease from another thread is not this check).
 */
public final class LockPauseCheck {

    /** The lease every lock is taken with in the check. */
    public static final Duration LEASE = Duration.ofMillis(300);
    static final int RUNS = 2;
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final AtomicLong TABLES = new AtomicLong();

    private LockPauseCheck() {
    }

    /** What one run showed: the answers, the stock after, and whether the pause outlasted the lease. */
    record Run(boolean struck, PurchaseResult first, PurchaseResult second, long stockAfter, String why)
            implements FaultRuns.Run {

        @Override
        public long attempted() {
            return 2;
        }

        @Override
        public long sold() {
            return units(first) + units(second);
        }

        @Override
        public long oversoldUnits() {
            return Math.max(0, sold() - 1);
        }

        private static long units(PurchaseResult r) {
            return r instanceof PurchaseResult.Purchased p ? p.quantity() : 0;
        }

        @Override
        public Finding finding() {
            return Finding.ofAccounts(1, sold(), stockAfter);
        }

        @Override
        public String story() {
            return "B1 took the lock and read 1; paused past the lease of " + LEASE.toMillis() + " ms; B2 bought through"
                    + " the other instance: " + second + "; B1 went on: " + first + "; stock after: " + stockAfter;
        }
    }

    /** The design's observation on {@code engine}'s database ({@code database}), with its runs. */
    public static Observation observe(LockDesign design, Database database, String reproduce) {
        return observe(design, database, reproduce, BOUND);
    }

    /** As above, buyer 2 waited for at most {@code bound} before the run is counted as one the fault missed. */
    static Observation observe(LockDesign design, Database database, String reproduce, Duration bound) {
        List<Run> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run(design, database, bound));
        }
        return FaultRuns.observation(design.name(), Observation.Family.LOCK_FAULTS, "holder paused past its lease",
                database.engine().label(), database.versionAndSettings(), runs,
                "runs with the holder paused between its read and its write past its lease", reproduce);
    }

    /** Why the observations disagree with the design's claim, or empty: the one judge's rule. */
    public static Optional<String> judge(LockDesign design, List<Observation> observed) {
        return Judge.judge(design.name(), "the paused lock holder", design.claim(), observed);
    }

    static Run run(LockDesign design, Database database, Duration bound) {
        String table = "oversell_lock_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
        Keyspace keys = Keyspace.fresh();
        PausePoint pause = PausePoint.armedFor("T1");
        RedisClient watcher = RedisServer.client(dev.oversell.redis.RedisSettings.uri());
        ExecutorService buyers = Executors.newFixedThreadPool(2);
        try (StatefulRedisConnection<String, String> redis = watcher.connect()) {
            execute(database, "CREATE TABLE " + table + " (product VARCHAR(64) PRIMARY KEY, stock BIGINT NOT NULL,"
                    + " fence BIGINT NOT NULL)", "INSERT INTO " + table + " VALUES ('sku', 1, 0)");
            try (Inventory first = design.instance().open(keys, database.dataSource(), table, LEASE, pause);
                 Inventory second = design.instance().open(keys, database.dataSource(), table, LEASE, PausePoint.NONE)) {
                Future<PurchaseResult> b1 = buyers.submit(() -> first.buy(PurchaseRequest.of("T1", "sku", 1)));
                if (!pause.awaitReached(BOUND)) {
                    throw new IllegalStateException(design.name() + ": buyer 1 never reached the point between its read"
                            + " and its write within " + BOUND);
                }
                String lockKey = keys.lock("sku");
                long giveUp = System.nanoTime() + LEASE.multipliedBy(5).toNanos(); // a lease lets go in LEASE
                while (redis.sync().exists(lockKey) > 0 && System.nanoTime() < giveUp) {
                    Thread.sleep(10); // waiting for Redis to let the lease go: a bounded wait, not a timing assertion
                }
                Future<PurchaseResult> b2 = buyers.submit(() -> second.buy(PurchaseRequest.of("T2", "sku", 1)));
                PurchaseResult secondAnswer;
                try {
                    secondAnswer = b2.get(bound.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillLocked) {
                    pause.resume();
                    b1.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                    b2.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                    return new Run(false, null, null, -1, "buyer 2 waited for the lock: the lease was still held");
                }
                pause.resume();
                PurchaseResult firstAnswer = b1.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                return new Run(true, firstAnswer, secondAnswer, first.stock("sku"), null);
            }
        } catch (Exception e) {
            throw new IllegalStateException(design.name() + " on " + database.engine().label() + ": the run failed: " + e, e);
        } finally {
            pause.resume();
            buyers.shutdownNow();
            try (StatefulRedisConnection<String, String> redis = watcher.connect()) {
                keys.deleteAll(redis.sync());
            }
            watcher.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            try {
                execute(database, "DROP TABLE " + table);
            } catch (SQLException ignored) {
                // the table of a run that failed to start may not exist
            }
        }
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
