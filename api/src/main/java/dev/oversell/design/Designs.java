package dev.oversell.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

/**
 * Every design the checkers judge: those of every {@link DesignProvider} on the class path (found with
 * {@link ServiceLoader}), in the providers' order. {@code -Doversell.design=NAME} narrows a run to one design.
 *
 * <p>A run with nothing to judge is an error, never a pass: no provider, no design, or a
 * {@code -Doversell.design} that names none of them fails loudly, naming what was found.
 */
public final class Designs {

    /** The property that narrows a run to one design. */
    public static final String ONLY = "oversell.design";

    private Designs() {
    }

    /** Every design of every provider, names checked unique. */
    public static List<Design> all() {
        Map<String, Design> byName = new LinkedHashMap<>();
        Map<String, String> providerOf = new LinkedHashMap<>();
        List<String> providers = new ArrayList<>();
        for (DesignProvider provider : providers()) {
            String who = provider.getClass().getName();
            providers.add(who);
            for (Design variant : provider.designs()) {
                String earlier = providerOf.putIfAbsent(variant.name(), who);
                if (earlier != null) {
                    throw new IllegalStateException("two designs are named '" + variant.name() + "': one from "
                            + earlier + ", one from " + who + "; a design's name must be unique");
                }
                byName.put(variant.name(), variant);
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no design to judge: " + (providers.isEmpty()
                    ? "no " + DesignProvider.class.getName() + " is registered. Name yours in"
                    + " src/test/resources/META-INF/services/" + DesignProvider.class.getName()
                    : "the providers " + providers + " declare none"));
        }
        return List.copyOf(byName.values());
    }

    /**
     * Every cluster design of every provider ({@link DesignProvider#clusterDesigns()}), names checked unique
     * among all designs; empty when no provider declares one (the cluster check then has nothing to run).
     */
    public static List<ClusterDesign> clustered() {
        Map<String, String> providerOf = new LinkedHashMap<>();
        List<ClusterDesign> designs = new ArrayList<>();
        for (DesignProvider provider : providers()) {
            String who = provider.getClass().getName();
            for (Design variant : provider.designs()) {
                providerOf.putIfAbsent(variant.name(), who);
            }
        }
        for (DesignProvider provider : providers()) {
            String who = provider.getClass().getName();
            for (ClusterDesign design : provider.clusterDesigns()) {
                String earlier = providerOf.putIfAbsent(design.name(), who);
                if (earlier != null) {
                    throw new IllegalStateException("two designs are named '" + design.name() + "': one from "
                            + earlier + ", one from " + who + "; a design's name must be unique");
                }
                designs.add(design);
            }
        }
        return List.copyOf(designs);
    }

    private static ServiceLoader<DesignProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(DesignProvider.class, loader != null ? loader : Designs.class.getClassLoader());
    }

    /** The designs this run judges: all of them, or those {@code -Doversell.design} names (comma-separated). */
    public static List<Design> selected() {
        List<Design> all = all();
        String only = System.getProperty(ONLY);
        if (only == null || only.isBlank()) {
            return all;
        }
        return java.util.Arrays.stream(only.split(",")).map(String::trim).filter(n -> !n.isEmpty()).distinct()
                .map(n -> byName(all, n)).toList();
    }

    /** The selected in-memory designs (what Lincheck and jcstress drive). */
    public static List<InMemoryDesign> inMemory() {
        return selected().stream().filter(InMemoryDesign.class::isInstance).map(InMemoryDesign.class::cast).toList();
    }

    /** The selected database designs (what the interleaving, load and deployment checks drive, on each engine). */
    public static List<DatabaseDesign> overStores() {
        return selected().stream().filter(DatabaseDesign.class::isInstance).map(DatabaseDesign.class::cast).toList();
    }

    public static Design byName(String name) {
        return byName(all(), name);
    }

    /** The design named {@code name}, which must be of {@code kind} (an in-memory or a database design). */
    public static <T extends Design> T byName(String name, Class<T> kind) {
        Design variant = byName(name);
        if (!kind.isInstance(variant)) {
            throw new IllegalArgumentException("design '" + name + "' is a " + variant.getClass().getSimpleName()
                    + ", not a " + kind.getSimpleName());
        }
        return kind.cast(variant);
    }

    private static Design byName(List<Design> all, String name) {
        return all.stream().filter(variant -> variant.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no design named '" + name + "'; known: "
                        + all.stream().map(Design::name).toList()));
    }
}
