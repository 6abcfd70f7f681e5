package dev.oversell.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way a failure says how to run it again: the Maven command of the project that ran it, the concrete
 * test class that ran the suite, and the settings that pick the failing cell. In a project that depends on
 * Oversell the command is {@code mvn verify -Dtest=ShopLincheckTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doversell.design=NAME}; a project whose checks live in one module of several says so with
 * {@code -Doversell.reproduce.mvn="mvn -pl checks -am verify"} (this repository does, in its POMs).
 */
public final class Reproduce {

    /** The Maven invocation that runs this project's tests; {@code mvn verify} unless set. */
    public static final String MVN = "oversell.reproduce.mvn";

    private static final Map<Class<?>, Class<?>> RUNNING = new ConcurrentHashMap<>();

    private Reproduce() {
    }

    /** Remembers which concrete test class runs {@code suite} in this JVM (called by the suite's factory). */
    public static void ranBy(Class<?> suite, Class<?> testClass) {
        RUNNING.put(suite, testClass);
    }

    /**
     * The command that reruns {@code suite} with {@code settings} ({@code name=value}, each passed as
     * {@code -Dname=value}).
     */
    public static String command(Class<?> suite, String... settings) {
        StringBuilder command = new StringBuilder(System.getProperty(MVN, "mvn verify").trim())
                .append(" -Dtest=").append(RUNNING.getOrDefault(suite, suite).getSimpleName())
                .append(" -Dsurefire.failIfNoSpecifiedTests=false");
        for (String setting : settings) {
            command.append(" -D").append(setting);
        }
        return command.toString();
    }
}
