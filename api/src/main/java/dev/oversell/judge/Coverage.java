package dev.oversell.judge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much of what a check's cell names was actually run: part of every {@link Observation}, so that no cell reads
 * "held" on evidence that did not cover it. The words are fixed across families, and a reviewer reads them at a
 * glance:
 *
 * <ul>
 *   <li>{@link Every}: <em>every distinct execution (N)</em>: the search ran out of executions, not of budget;</li>
 *   <li>{@link EveryReachable}: <em>every one the engine let be reached (N, k diverged, g lock waits guessed, r
 *       woken together)</em>: the engine answered k replays otherwise, and its answer became the branch; g
 *       statements were taken as waiting for a lock that the engine did not name; r times one statement let go of
 *       several waiting for it, and which of them went on first was the engine's choice, not the gate's;</li>
 *   <li>{@link Bounded}: <em>bounded (k tried of about N, the bound)</em>: a search cut at a stated bound that was
 *       chosen for it (Lincheck's interleavings per scenario);</li>
 *   <li>{@link Sampled}: <em>sampled (k of about N, the seed)</em>: drawn or repeated runs (jcstress's samples, a
 *       seeded load run, orders drawn at random);</li>
 *   <li>{@link NotChecked}: <em>not checked (why, and the setting that would check it)</em>: a limit reached, a
 *       divergence not resolved, an error, a fault that did not strike, no purchase that succeeded, a check that
 *       cannot run on this machine;</li>
 *   <li>{@link NotReached}: an earlier check of the same run already decided the claim (an anomaly seen);</li>
 *   <li>{@link NotApplicable}: the design declares it does not do what the check exercises (no restock).</li>
 * </ul>
 *
 * The first four {@linkplain #ran() ran} and may uphold a "never oversells" claim, each saying how far it reaches;
 * {@link NotChecked} never does, and fails that claim ({@link Judge}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Coverage.Every.class, name = "every"),
        @JsonSubTypes.Type(value = Coverage.EveryReachable.class, name = "every-reachable"),
        @JsonSubTypes.Type(value = Coverage.Bounded.class, name = "bounded"),
        @JsonSubTypes.Type(value = Coverage.Sampled.class, name = "sampled"),
        @JsonSubTypes.Type(value = Coverage.NotChecked.class, name = "not-checked"),
        @JsonSubTypes.Type(value = Coverage.NotReached.class, name = "not-reached"),
        @JsonSubTypes.Type(value = Coverage.NotApplicable.class, name = "not-applicable")})
public sealed interface Coverage {

    /** True if the check ran as far as its words say: its finding counts. */
    @JsonIgnore
    boolean ran();

    /** What a reviewer reads: {@code every distinct execution (22)}, {@code sampled (12 of about 300, seed 7)}. */
    @JsonIgnore
    String words();

    /** Every distinct execution of the check's scenario ran: {@code executions} of them. */
    record Every(long executions) implements Coverage {
        public Every {
            positive(executions, "executions");
        }

        @Override
        public boolean ran() {
            return true;
        }

        @Override
        public String words() {
            return "every distinct execution (" + n(executions) + ")";
        }
    }

    /**
     * Every execution the engine let be reached: {@code executions} ran; {@code diverged} of the branches were the
     * engine's own answer to a replay it answered otherwise (so orders the engine never lets happen are not claimed);
     * {@code guessed} statements were taken as waiting for a lock on a guess, not on the engine's word (they had run
     * long, waiting for no lock the engine named), so orders in which they returned first may not have run;
     * {@code wokenTogether} times a statement (a commit) let go of several statements waiting for it, and the engine
     * chose which of them went on first while the others waited again: the gate cannot choose that order, so the
     * executions in which another of them went first were run only if the engine chose so in some run.
     */
    record EveryReachable(long executions, long diverged, long guessed, long wokenTogether) implements Coverage {
        public EveryReachable {
            positive(executions, "executions");
            if (diverged < 1 && guessed < 1 && wokenTogether < 1) {
                throw new IllegalArgumentException("no replay diverged, no wait was guessed and no waiters were woken"
                        + " together: that is Every, not EveryReachable");
            }
        }

        /** Replays the engine answered otherwise, no wait guessed. */
        public EveryReachable(long executions, long diverged) {
            this(executions, diverged, 0, 0);
        }

        /** Replays the engine answered otherwise, waits guessed. */
        public EveryReachable(long executions, long diverged, long guessed) {
            this(executions, diverged, guessed, 0);
        }

        @Override
        public boolean ran() {
            return true;
        }

        @Override
        public String words() {
            return "every one the engine let be reached (" + n(executions)
                    + (diverged > 0 ? ", " + n(diverged) + " diverged" : "")
                    + (guessed > 0 ? ", " + n(guessed) + " lock waits guessed" : "")
                    + (wokenTogether > 0 ? ", " + n(wokenTogether) + " woken together" : "") + ")";
        }
    }

    /**
     * A search cut at a bound chosen for it: {@code tried} executions of about {@code ofAbout} (0 where it cannot be
     * counted), {@code bound} naming the bound and the setting that raises it.
     */
    record Bounded(long tried, long ofAbout, String bound) implements Coverage {
        public Bounded {
            positive(tried, "tried");
            Objects.requireNonNull(bound, "bound");
        }

        @Override
        public boolean ran() {
            return true;
        }

        @Override
        public String words() {
            return "bounded (" + n(tried) + " tried" + (ofAbout > 0 ? " of about " + n(ofAbout) : "") + ", " + bound + ")";
        }
    }

    /**
     * Drawn or repeated runs: {@code tried} of about {@code ofAbout} distinct ones (0 where it cannot be counted),
     * {@code what} names what was counted (samples, purchases, orders), {@code seed} the seed (null where none
     * decides it, as for jcstress's samples on real threads).
     */
    record Sampled(long tried, long ofAbout, String what, Long seed) implements Coverage {
        public Sampled {
            positive(tried, "tried");
            Objects.requireNonNull(what, "what");
        }

        @Override
        public boolean ran() {
            return true;
        }

        @Override
        public String words() {
            return "sampled (" + n(tried) + (ofAbout > 0 ? " of about " + n(ofAbout) : "") + " " + what
                    + (seed == null ? "" : ", seed " + seed) + ")";
        }
    }

    /**
     * The check did not cover what its cell names: {@code why} (a limit reached, an error, a fault that did not
     * strike, nothing sold), and {@code toCheck}, the setting or command that would check it (null if none can
     * here). Never upholds a "never oversells" claim.
     */
    record NotChecked(String why, String toCheck) implements Coverage {
        public NotChecked {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean ran() {
            return false;
        }

        @Override
        public String words() {
            return "not checked (" + why + (toCheck == null ? "" : "; to check it: " + toCheck) + ")";
        }
    }

    /** Not run because an earlier check of the same run saw what decides the claim ({@code why} names it). */
    record NotReached(String why) implements Coverage {
        public NotReached {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean ran() {
            return false;
        }

        @Override
        public String words() {
            return "not needed (" + why + ")";
        }
    }

    /** The design declares it does not do what this check exercises ({@code why}: what it declares). */
    record NotApplicable(String why) implements Coverage {
        public NotApplicable {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean ran() {
            return false;
        }

        @Override
        public String words() {
            return "not applicable (" + why + ")";
        }
    }

    /** The kind in a word or two, as {@link #summary} groups them. */
    @JsonIgnore
    default String kind() {
        return KINDS.get(rank());
    }

    /**
     * What a group of checks covered, in one line, strongest first: one check's own words; several grouped by kind
     * ({@code every distinct execution (4 checks, 312 executions); sampled (12 of about 900 distinct executions
     * drawn, seed 7)}).
     */
    static String summary(List<Coverage> all) {
        if (all.size() == 1) {
            return all.get(0).words();
        }
        Map<String, List<Coverage>> byKind = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparingInt(Coverage::rank)).forEach(c -> byKind.computeIfAbsent(c.kind(),
                k -> new ArrayList<>()).add(c));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, group) -> {
            if (group.size() == 1) {
                parts.add(group.get(0).words());
                return;
            }
            long executions = group.stream().mapToLong(Coverage::runs).sum();
            parts.add(kind + " (" + group.size() + " checks" + (executions > 0 ? ", " + n(executions) + " runs" : "")
                    + ")");
        });
        return String.join("; ", parts);
    }

    /** Executions, runs or samples counted, where the coverage counts them (0 where it does not). */
    @JsonIgnore
    default long runs() {
        if (this instanceof Every e) {
            return e.executions();
        }
        if (this instanceof EveryReachable e) {
            return e.executions();
        }
        if (this instanceof Bounded b) {
            return b.tried();
        }
        return this instanceof Sampled s ? s.tried() : 0;
    }

    /** The kinds' words, strongest first. */
    List<String> KINDS = List.of("every distinct execution", "every one the engine let be reached", "bounded", "sampled",
            "not checked", "not needed", "not applicable");

    /** Strongest first: the kind's place in {@link #KINDS}. */
    private int rank() {
        List<Class<?>> order = List.of(Every.class, EveryReachable.class, Bounded.class, Sampled.class, NotChecked.class,
                NotReached.class, NotApplicable.class);
        return order.indexOf(getClass());
    }

    private static void positive(long n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 for a check that ran: " + n
                    + " (a check that ran nothing is NotChecked)");
        }
    }

    private static String n(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
