package dev.oversell.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cluster designs this module implements and can run, by the name a {@code ClusterDesign} declares them under
 * (with their claims) in a catalogue: {@link ProductEntity} with the fencing token and without. The check runs
 * every declared design it implements and fails on one it does not: a declared design no check measures.
 */
public enum ShardedOwnerDesign {

    FENCED("pekko-sharded-owner-fenced", true),
    UNFENCED("pekko-sharded-owner-unfenced", false);

    private final String designName;
    private final boolean fenced;

    ShardedOwnerDesign(String designName, boolean fenced) {
        this.designName = designName;
        this.fenced = fenced;
    }

    public String designName() {
        return designName;
    }

    public boolean fenced() {
        return fenced;
    }

    /** The design declared as {@code name}, if this module implements it. */
    public static Optional<ShardedOwnerDesign> named(String name) {
        return Arrays.stream(values()).filter(d -> d.designName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ShardedOwnerDesign::designName).toList();
    }
}
