package dev.oversell.cluster;

import dev.oversell.engine.Engine;


/**
 * One design on one engine, as the cluster carries it: the sharded entities of lane {@code name} write through
 * to the store {@code storeId} on {@code engine}, with the fencing token ({@code fenced}) or without. Every node
 * of a cluster hosts every lane; a lane travels between processes as {@code name:engine:storeId:fenced}.
 */
public record Lane(String name, Engine engine, String storeId, boolean fenced) {

    public Lane {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a lane name is lower-case letters, digits and '-', got '" + name + "'");
        }
    }

    /** The design's lane on {@code engine}: {@code pekko-sharded-owner-fenced-postgresql}, say. */
    public static String nameOf(ShardedOwnerDesign design, Engine engine) {
        return design.designName() + "-" + engine.key();
    }

    /** The design this lane runs. */
    public ShardedOwnerDesign design() {
        return fenced ? ShardedOwnerDesign.FENCED : ShardedOwnerDesign.UNFENCED;
    }

    public String format() {
        return name + ":" + engine.key() + ":" + storeId + ":" + fenced;
    }

    public static Lane parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("a lane is name:engine:storeId:fenced, got '" + text + "'");
        }
        return new Lane(parts[0], Engine.ofKey(parts[1]), parts[2],
                Boolean.parseBoolean(parts[3]));
    }
}
