package dev.oversell.properties.database;

import dev.oversell.store.Database;
import dev.oversell.store.DatabaseSettings;
import dev.oversell.engine.Engine;
import dev.oversell.store.Store;
import dev.oversell.store.StoreException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.EnumMap;
import java.util.Map;

/**
 * The engines the database suites run on, opened once per test JVM from {@link DatabaseSettings}. An engine
 * that cannot be reached is reported loudly and its checks are skipped; when {@code CI=true} (or
 * {@code -Doversell.requireEngines=true}) an unreachable engine fails the run instead.
 */
public final class Engines {

    private static final Map<Engine, Object> OPENED = new EnumMap<>(Engine.class);
    private static final Map<Engine, String> VERSIONS = new EnumMap<>(Engine.class);

    private Engines() {
    }

    public static boolean required() {
        return Boolean.parseBoolean(DatabaseSettings.setting("oversell.requireEngines", "false"))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The database for {@code engine}, or a {@link StoreException} saying why it cannot be reached. */
    public static synchronized Database open(Engine engine) {
        Object opened = OPENED.computeIfAbsent(engine, e -> {
            try {
                Database database = DatabaseSettings.open(e);
                int leftovers = Store.dropLeftovers(database);
                if (leftovers > 0) {
                    System.out.printf("[database] dropped %d tables left behind by an earlier, interrupted run in %s%n",
                            leftovers, database);
                }
                VERSIONS.put(e, database.versionAndSettings());
                System.out.printf("[database] %s: %s%n", e.label(), VERSIONS.get(e));
                return database;
            } catch (StoreException unreachable) {
                System.out.printf("%n[database] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n"
                        + "[database] !!! %s NOT AVAILABLE: its checks are %s.%n[database] !!! %s%n"
                        + "[database] !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!%n%n",
                        e.label(), required() ? "REQUIRED (CI=true): the run fails" : "SKIPPED",
                        unreachable.getMessage());
                return unreachable;
            }
        });
        if (opened instanceof StoreException unreachable) {
            throw unreachable;
        }
        return (Database) opened;
    }

    /**
     * The engine's database, or the calling test aborted (skipped, loudly) when it is unreachable; when the
     * real-database suites are required (CI=true) an unreachable engine fails the test instead.
     */
    public static Database openOrSkip(Engine engine) {
        try {
            return open(engine);
        } catch (StoreException unreachable) {
            if (required()) {
                Assertions.fail(engine.label() + " is required (CI=true) but unreachable: "
                        + unreachable.getMessage());
            }
            Assumptions.abort(engine.label() + " SKIPPED, not reachable: "
                    + unreachable.getMessage());
            throw unreachable;
        }
    }

    /** The engine's version as it reported it when opened in this JVM, or null if it was not. */
    public static synchronized String versionIfOpen(Engine engine) {
        return VERSIONS.get(engine);
    }

    public static synchronized void closeAll() {
        OPENED.values().forEach(o -> {
            if (o instanceof Database database) {
                database.close();
            }
        });
        OPENED.clear();
    }
}
