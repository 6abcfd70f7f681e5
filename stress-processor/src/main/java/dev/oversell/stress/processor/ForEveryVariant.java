package dev.oversell.stress.processor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract jcstress scenario that every in-memory catalogue variant runs through. At compile time
 * {@link EveryVariantProcessor} writes one concrete jcstress test per variant, named
 * {@code <Scenario>__<Variant>} in {@value EveryVariantProcessor#GENERATED_PACKAGE}: a subclass that passes the
 * variant's name to the scenario's constructor, re-declares its {@code @Actor} and {@code @Arbiter} methods (jcstress
 * reads only a test's own methods) and takes its outcomes and description from the scenario
 * ({@code @JCStressMeta}). jcstress's own annotation processor then generates its harness and test list, so a
 * single jcstress run covers every variant.
 *
 * <p>The scenario needs a constructor taking the variant's name ({@code String}), and the jcstress
 * {@code @Outcome}s and {@code @Description} that hold for every variant.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ForEveryVariant {
}
