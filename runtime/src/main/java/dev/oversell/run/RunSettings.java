package dev.oversell.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a family of checks was run with, as its record carries it ({@link Observations#settings()}): the Oversell
 * version that measured, the shard of the run ({@link Shard}, {@code 1/1} for the whole), and every Oversell setting
 * the family's JVM saw that bears on what is measured ({@link #measuring}): each {@code oversell.*} system property
 * and {@code OVERSELL_*} environment variable that is set (seeds, bounds, budgets, engines, a chosen design), by the
 * name it was given. A report made from several run folders compares them: shards of one run differ in their shard
 * alone.
 *
 * <p>Left out, because they say where things are or how to reach them rather than what is measured: the shard itself
 * (recorded on its own), the run id and the folder of runs, where a family's files or a report go
 * ({@code *.dir}, {@code *.out}), the reproduce command's prefix, an engine's URL, user and password (never
 * recorded), and the browser of the page check.
 */
public record RunSettings(String oversellVersion, Shard shard, Map<String, String> measuring) {

    private static final String UNKNOWN = "unknown";

    /** The settings of this JVM. */
    public static RunSettings ofThisJvm() {
        Map<String, String> measuring = new TreeMap<>();
        System.getProperties().forEach((name, value) -> {
            String key = name.toString();
            if (key.startsWith("oversell.") && !value.toString().isBlank() && measures(key)) {
                measuring.put(key, value.toString());
            }
        });
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("OVERSELL_") && !value.isBlank() && measures(name)) {
                measuring.put(name, value);
            }
        });
        return new RunSettings(version(), Shard.current(), measuring);
    }

    /** Whether a setting bears on what is measured (see the class comment for those that do not). */
    static boolean measures(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '.');
        return !(n.equals(Shard.SETTING) || n.equals(RunFolder.ID.toLowerCase(Locale.ROOT))
                || n.equals(RunFolder.RUNS.toLowerCase(Locale.ROOT)) || n.equals(Reproduce.MVN)
                || n.equals("oversell.stress.reproduce") || n.equals("oversell.chromium")
                || n.endsWith(".dir") || n.endsWith(".out") || n.endsWith(".url") || n.endsWith(".user")
                || n.endsWith(".password"));
    }

    /** The version of Oversell on this class path ({@code dev/oversell/run/oversell.properties}). */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = RunSettings.class.getResourceAsStream("oversell.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", UNKNOWN);
    }
}
