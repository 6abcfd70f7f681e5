package dev.oversell.design;

import java.util.List;

/**
 * Where designs come from. A project declares its own by implementing this interface and naming the class in
 * {@code META-INF/services/dev.oversell.design.DesignProvider} (usually under {@code src/test/resources}); every
 * checker finds them through {@link Designs}, without any Oversell file being edited. Oversell's own catalogue
 * is one provider among others.
 */
public interface DesignProvider {

    /** The designs this provider declares; names must be unique among all providers on the class path. */
    List<Design> designs();

    /**
     * The designs this provider declares that run as a cluster of separate processes, checked by the module that
     * starts the cluster ({@link ClusterDesign}); none unless overridden. Names are unique among all designs.
     */
    default List<ClusterDesign> clusterDesigns() {
        return List.of();
    }
}
