package dev.oversell.power;

import dev.oversell.judge.Finding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A corpus design that is wrong on purpose, though its author claims it never oversells: what is wrong, the
 * families of checks that must catch it, and the findings that name it rightly (a retry applied twice is a lost
 * update, not merely an answer no order explains).
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
}
