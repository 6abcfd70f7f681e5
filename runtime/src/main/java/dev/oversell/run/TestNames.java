package dev.oversell.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every suite names a design's tests, and how a reader of the tests finds a design's verdict among them. Every
 * leaf test of a design starts with the design, and the engine where there is one, in brackets:
 * {@code [shop-atomic-check] model checking: 4 workloads},
 * {@code [db-conditional-update on PostgreSQL] last unit: s1 s2 u1 u2 c1 c2}, {@code [naive] is judged by its claim}.
 * A report that shows only a leaf's name (Surefire's phrased names, an IDE's list of failures) still says which
 * design and which check it was. Containers keep their names ({@code NAME (claims: CLAIM)},
 * {@code NAME on ENGINE (claims ...)}).
 *
 * <p>A design's verdict is its leaf {@value #JUDGED} (in memory: Lincheck, jcstress) or {@value #AGREES} (each
 * database cell; the deployment suite's says {@value #AGREES_SHARED_STORE}); {@link #verdict} reads one back.
 */
public final class TestNames {

    /** The verdict leaf of an in-memory design. */
    public static final String JUDGED = "is judged by its claim";
    /** The verdict leaf of a database design on one engine. */
    public static final String AGREES = "the claim agrees with what was measured";
    /** The verdict leaf of a database design run as several instances on one engine. */
    public static final String AGREES_SHARED_STORE = "the shared-store claim agrees with what was measured";

    private static final Pattern LEAF = Pattern.compile("\\[([^\\]]+?)(?: on ([^\\]]+))?] (.+)", Pattern.DOTALL);

    private TestNames() {
    }

    /** A leaf of {@code design}: {@code [design] check}. */
    public static String of(String design, String check) {
        return "[" + design + "] " + check;
    }

    /** A leaf of {@code design} on an engine: {@code [design on Engine] check}. */
    public static String of(String design, String engine, String check) {
        return of(design + " on " + engine, check);
    }

    /** One leaf's name, read back: the design, its engine (null in memory) and the check. */
    public record Leaf(String design, String engine, String check) {

        /** True if this leaf's outcome is the design's verdict (on its engine, if it has one). */
        public boolean verdict() {
            return check.equals(JUDGED) || check.equals(AGREES) || check.equals(AGREES_SHARED_STORE);
        }
    }

    /** The leaf {@code displayName} names, if it is a design's leaf (starts with {@code [design]}). */
    public static Optional<Leaf> read(String displayName) {
        Matcher leaf = LEAF.matcher(displayName);
        return leaf.matches() ? Optional.of(new Leaf(leaf.group(1), leaf.group(2), leaf.group(3))) : Optional.empty();
    }

    /** The leaf {@code displayName} names if it is a design's verdict test, else empty. */
    public static Optional<Leaf> verdict(String displayName) {
        return read(displayName).filter(Leaf::verdict);
    }
}
