package dev.oversell.properties;

/**
 * Where every random choice in the property suites gets its seed. Runs are deterministic by default (a
 * fixed base seed, printed); {@code -Doversell.seed=N} reruns exactly one seed, {@code -Doversell.baseSeed=N}
 * explores a different set.
 */
public final class Seeds {

    public static final long DEFAULT_BASE_SEED = 20261125L;

    private Seeds() {
    }

    /** The single seed to rerun, if {@code -Doversell.seed} was given. */
    public static java.util.OptionalLong single() {
        String value = System.getProperty("oversell.seed");
        return value == null || value.isBlank() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(Long.parseLong(value.trim()));
    }

    public static long base() {
        return Long.getLong("oversell.baseSeed", DEFAULT_BASE_SEED);
    }

    /** The {@code index}-th seed derived from the base seed (a SplitMix64 step, so seeds are spread). */
    public static long derived(long base, int index) {
        long z = base + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static int intProperty(String name, int defaultValue) {
        return Integer.getInteger(name, defaultValue);
    }
}
