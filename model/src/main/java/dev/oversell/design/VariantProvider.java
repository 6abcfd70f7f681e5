package dev.oversell.design;

import java.util.List;

/**
 * Where designs come from. A project declares its own by implementing this interface and naming the class in
 * {@code META-INF/services/dev.oversell.design.VariantProvider} (usually under {@code src/test/resources}); every
 * checker finds them through {@link Variants}, without any Oversell file being edited. Oversell's own catalogue
 * is one provider among others.
 */
public interface VariantProvider {

    /** The designs this provider declares; names must be unique among all providers on the class path. */
    List<Variant> variants();
}
