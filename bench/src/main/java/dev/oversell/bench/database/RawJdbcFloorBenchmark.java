package dev.oversell.bench.database;

import dev.oversell.bench.IterationCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The database reference: the floor an engine sets for taking one unit of a hot product. Each operation borrows
 * an autocommit connection from the engine's HikariCP pool (the same kind of pool the designs use), runs the
 * single statement
 * <pre>
 *   UPDATE &lt;stock table&gt; SET stock = stock - 1 WHERE product = 'hot' AND stock >= 1
 * </pre>
 * and gives the connection back. No request id, no purchases row, no retry: the least any design that never
 * oversells can send. Every {@link DatabaseDesignBenchmark} result is divided by this one, on the same engine
 * with the same number of clients.
 *
 * <p><b>What you should see:</b> H2 (in the JVM, no network) far above the two servers: 13 to 25 k per second on
 * 2 cores. PostgreSQL and MariaDB manage a few thousand per second, bound by the round trip and the commit's
 * log flush, and that bound moves from run to run: on the machine this was written on, MariaDB's one-client
 * floor was 0.7 k per second in one run and 3 k in the next. More clients do not help. They queue on the one row
 * lock while the server competes with them for 2 cores, and PostgreSQL's floor falls as clients are added (from
 * about 3.5 k to 2 k).
 *
 * <p><b>Run:</b> as part of the matrix, {@code java -jar bench/target/benchmarks.jar}; alone, {@code java -cp
 * bench/target/benchmarks.jar org.openjdk.jmh.Main RawJdbcFloorBenchmark -p engine=mariadb -t 8}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class RawJdbcFloorBenchmark {

    /** The engine: {@code h2}, {@code postgresql} or {@code mariadb} (reached per {@code DatabaseSettings}). */
    @Param({"h2", "postgresql", "mariadb"})
    public String engine;

    private final IterationCounter iterations = new IterationCounter();
    private HotStore store;
    private String decrement;

    @Setup(Level.Trial)
    public void openStore() {
        store = HotStore.open(engine);
        decrement = "UPDATE " + store.store().stockTable() + " SET stock = stock - 1 WHERE product = 'hot' AND stock >= 1";
    }

    @Setup(Level.Iteration)
    public void refill() {
        store.refill();
    }

    /** After the last iteration, drops the tables and closes the pool (see {@link IterationCounter}). */
    @TearDown(Level.Iteration)
    public void afterIteration(BenchmarkParams params) {
        if (iterations.finishedLast(params)) {
            dropStore();
        }
    }

    /** Drops the tables if no iteration did (a failed run). */
    @TearDown(Level.Trial)
    public void dropStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** One unit off the hot product, in one autocommit statement; returns the update count (1). */
    @Benchmark
    public int rawUpdate() throws SQLException {
        try (Connection connection = store.database().connection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement(decrement)) {
                return update.executeUpdate();
            }
        }
    }
}
