package dev.oversell.properties;

import org.opentest4j.AssertionFailedError;

/** How a check fails a JUnit test: an assertion failure whose message is the whole explanation. */
public final class Failures {

    private Failures() {
    }

    public static AssertionFailedError fail(String format, Object... args) {
        throw new AssertionFailedError(args.length == 0 ? format : String.format(format, args));
    }
}
