package dev.oversell.power;

import dev.oversell.engine.Engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The families (and engines) that judge a corpus design in the default build; without this, or for a family not
 * listed, it is judged only under {@code -Pthorough} ({@value CorpusEntry#THOROUGH}). The default run keeps at least
 * one known bug per kind of bug per family, and fits the build's time: {@code docs/power.md} says what runs where,
 * and the times measured.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunsByDefault {

    Family[] value();

    /** {@link Family#DATABASES}: the engines it runs on by default (some of those its entry names). */
    Engine[] engines() default {};
}
