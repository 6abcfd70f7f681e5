package dev.oversell.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * One share of a run, so that a large catalogue's checks can be spread over several machines (the parallel jobs of
 * a CI matrix) and one report made from all their run folders. {@code -Doversell.shard=k/n} (or the variable
 * {@code OVERSELL_SHARD}; 1-based: {@code 1/2} and {@code 2/2}) runs the units of work of shard {@code k} of
 * {@code n}; without it a run is the whole, {@code 1/1}.
 *
 * <p>A unit is one design in one family's column, named by {@link #unit(String, String)}: {@code lincheck/naive}
 * for an in-memory family (a design), {@code database/db-conditional-update/h2} for the database and deployment
 * families and the cluster (a design on one engine column). A unit is in shard {@code 1 + crc32(name) mod n}
 * (CRC-32 of the name's UTF-8 bytes, {@link CRC32}): a function of its own name alone, so the same unit lands in
 * the same shard whatever else the catalogue holds, on every machine and JVM, and adding a design moves no other.
 *
 * <p>A shard is a partial run: its report goes into its own run folder. The report of every shard is made from their
 * folders at once ({@code ReportMain <run folder>... <out>}), which refuses two folders that judged the same unit.
 */
public record Shard(int index, int count) {

    /** The setting ({@code -Doversell.shard=k/n}; the variable {@code OVERSELL_SHARD}). */
    public static final String SETTING = "oversell.shard";
    /** A run that is not split: every unit. */
    public static final Shard WHOLE = new Shard(1, 1);
    /** Each family's last {@link #take} in this JVM: its record names them. */
    private static final Map<String, Units> TAKEN = new ConcurrentHashMap<>();

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(invalid(index + "/" + count));
        }
    }

    /** This run's shard: {@code -Doversell.shard}, else {@code OVERSELL_SHARD}, else {@link #WHOLE}. */
    public static Shard current() {
        String value = DatabaseSettings.setting(SETTING, null);
        return value == null ? WHOLE : parse(value);
    }

    /** {@code k/n} with {@code 1 <= k <= n}; anything else fails, naming the setting. (How a record reads one.) */
    @JsonCreator
    public static Shard parse(String value) {
        String[] parts = value.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(invalid(value));
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(parts[0].trim());
            count = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(invalid(value));
        }
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(invalid(value));
        }
        return new Shard(index, count);
    }

    private static String invalid(String value) {
        return "-D" + SETTING + " (or OVERSELL_SHARD) is '" + value + "': a shard is k/n, the k-th of n shares of the"
                + " run, with 1 <= k <= n (for two machines: 1/2 on one, 2/2 on the other)";
    }

    /** The unit of an in-memory family: one design ({@code lincheck/naive}). */
    public static String unit(String family, String design) {
        return family + "/" + design;
    }

    /** The unit of a family with engine columns: one design on one engine ({@code database/db-ledger/h2}). */
    public static String unit(String family, String design, Engine engine) {
        return family + "/" + design + "/" + engine.key();
    }

    /** The shard {@code unit} belongs to among {@code count}, 1-based. */
    public static int of(String unit, int count) {
        CRC32 crc = new CRC32();
        crc.update(unit.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    /** Whether this shard runs {@code unit}. */
    public boolean runs(String unit) {
        return of(unit, count) == index;
    }

    /** Whether this is the whole run ({@code 1/1}). */
    public boolean whole() {
        return count == 1;
    }

    /**
     * Of a family's {@code units} (each named by {@code name}, {@link #unit}), those this shard runs, in their order.
     * When the run is split it says so on the console: how many it took of how many, and which; or that it has
     * nothing to do, in which case the family runs nothing and passes. What it took is kept for the family's record
     * ({@link #taken}).
     */
    public <T> List<T> take(String family, List<T> units, Function<T, String> name) {
        TAKEN.put(family, Units.of(this, units.stream().map(name).toList()));
        List<T> taken = units.stream().filter(unit -> runs(name.apply(unit))).toList();
        if (!whole()) {
            System.out.println(taken.isEmpty() ? nothingToDo(family, units.stream().map(name).toList())
                    : "[" + family + "] shard " + this + " (-D" + SETTING + "): " + taken.size() + " of " + units.size()
                    + " units: " + taken.stream().map(name).collect(Collectors.joining(", ")));
        }
        return taken;
    }

    /**
     * The units {@code family}'s last {@link #take} in this JVM named, and those it took, for the family's record
     * ({@link Observations#units()}); null if the family took none here.
     */
    public static Units taken(String family) {
        return TAKEN.get(family);
    }

    /**
     * What a family says when this shard has none of its {@code units}: it runs nothing of them, and passes (the
     * shards that have them run them).
     */
    public String nothingToDo(String family, List<String> units) {
        return "[" + family + "] shard " + this + " (-D" + SETTING + "): " + (units.size() == 1 ? units.get(0)
                + " is another shard's unit" : "none of the " + units.size() + " units of " + family
                + " falls in this shard") + "; nothing to do";
    }

    /** {@code k/n}, as the setting and a record ({@link RunSettings#shard()}) write it. */
    @JsonValue
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
