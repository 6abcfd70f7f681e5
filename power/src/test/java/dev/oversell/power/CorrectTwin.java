package dev.oversell.power;

import dev.oversell.engine.Engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A corpus design that is correct: no family may flag it. Names the mechanism, and the bugs it is the twin of. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CorrectTwin {

    /** Why it is correct, in a line. */
    String value();

    /** The corpus designs it is the correct twin of, by name. */
    String[] twinOf() default {};

    /** A database design: the engines it must hold on. */
    Engine[] heldOn() default {};

    /**
     * {@link Family#JCSTRESS}: the scenarios it runs by default (names in {@code dev.oversell.stress.scenarios}), where
     * the twin's point is elsewhere than the last unit (the orders' scenarios); {@code -Pthorough} runs every one.
     */
    String[] scenarios() default {};
}
