package dev.oversell.power;

import dev.oversell.judge.Finding;
import dev.oversell.engine.Engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A corpus design that is wrong on purpose, though its author claims it never oversells: what is wrong, the
 * families of checks that must catch it (and, for the databases, on which engines), and the findings that name it
 * rightly (a retry applied twice is a lost update, not merely an answer no order explains). A family not listed is
 * not expected to catch it: that is a measured limit of the family, said in {@code docs/power.md}, not a hope.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KnownBug {

    /** The bug, in a line. */
    String value();

    /** Each family here must catch it. */
    Family[] caughtBy();

    /** What a catch must have seen: one of these. */
    Finding[] seenAs();

    /** {@link Family#DATABASES}: the engines that must catch it. */
    Engine[] caughtOn() default {};

    /** {@link Family#DATABASES}: the engines where it must hold, because the engine refuses the bug. */
    Engine[] heldOn() default {};

    /**
     * {@link Family#JCSTRESS}: the scenarios that catch it (names in {@code dev.oversell.stress.scenarios}); the
     * default run gives it only these, {@code -Pthorough} every scenario.
     */
    String[] scenarios() default {};
}
