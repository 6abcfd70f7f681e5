package dev.oversell.run;

import dev.oversell.design.Claim;
import dev.oversell.design.ClusterDesign;
import dev.oversell.design.DatabaseDesign;
import dev.oversell.design.Deployment;
import dev.oversell.design.InMemoryDesign;
import dev.oversell.design.Design;
import dev.oversell.engine.Engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A design as a run's evidence records it: what it is and what it claimed, so that a report needs nothing but
 * the run folder (not the designs' classes). Claims are keyed {@code single-instance} and, for a database design,
 * {@code <engine>/single-instance} and {@code <engine>/shared-store}; a cluster design's, {@code <engine>/shared-store}.
 */
public record JudgedDesign(String name, String kind, String type, String execution, String mechanism,
                           Map<String, Claim> claims) {

    /** The kind of a {@link ClusterDesign}. */
    public static final String CLUSTER = "cluster";
    /** The kind of a database design guarded by a distributed lock, judged by its holder paused past its lease. */
    public static final String LOCKED = "locked";
    /** The kind of a design that hands its orders to a queue whose consumer writes them to the database. */
    public static final String QUEUED = "queued";
    /** How a cluster design's calls run: in processes of its own. */
    public static final String SEPARATE_PROCESSES = "SEPARATE_PROCESSES";

    public static JudgedDesign of(Design variant) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        if (variant instanceof InMemoryDesign inMemory) {
            claims.put(key(Deployment.SINGLE_INSTANCE), inMemory.claim());
        } else {
            DatabaseDesign database = (DatabaseDesign) variant;
            for (Engine engine : Engine.values()) {
                for (Deployment deployment : Deployment.values()) {
                    claims.put(engine.key() + "/" + key(deployment), database.claim(deployment, engine));
                }
            }
        }
        return new JudgedDesign(variant.name(), variant.inMemory() ? "in-memory" : "database",
                variant.type().getName(), variant.execution().name(), variant.mechanism(), claims);
    }

    /**
     * A cluster design: kind {@code cluster}, execution {@code SEPARATE_PROCESSES}, a claim per engine under
     * {@code <engine>/shared-store} (the cluster is several processes sharing the database; one instance is no
     * claim of its, and reads as n/a).
     */
    public static JudgedDesign of(ClusterDesign design) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            claims.put(engine.key() + "/" + key(Deployment.SHARED_STORE), design.claim(engine));
        }
        return new JudgedDesign(design.name(), CLUSTER, design.implementation(), SEPARATE_PROCESSES,
                design.mechanism(), claims);
    }

    /**
     * A design whose stock lives in a store the database table shows as a column of its own ({@code redis}): kind
     * {@code database}, its one claim under {@code <store>/single-instance}, the key its one family of checks judges
     * (the interleavings, whose buyers are each an instance of their own already), and no claim on the SQL engines or
     * for a separate deployment check, which read as n/a.
     */
    public static JudgedDesign ofStore(String name, String storeKey, Class<?> type, String mechanism, Claim claim) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        claims.put(storeKey + "/" + key(Deployment.SINGLE_INSTANCE), claim);
        return new JudgedDesign(name, "database", type.getName(), Design.Execution.DATABASE.name(), mechanism, claims);
    }

    /**
     * A database design guarded by a distributed lock: kind {@code locked}, a claim per engine under
     * {@code <engine>/shared-store} (its check is two application instances sharing the database and the lock; one
     * instance is no claim of its, and reads as n/a).
     */
    public static JudgedDesign ofLocked(String name, Class<?> type, String mechanism, Claim claim) {
        return ofFaulted(LOCKED, name, type, mechanism, claim);
    }

    /**
     * A design of several parts over the database judged by a fault of its own ({@link #LOCKED}, {@link #QUEUED}):
     * its claim per engine under {@code <engine>/shared-store}, none for one instance.
     */
    public static JudgedDesign ofFaulted(String kind, String name, Class<?> type, String mechanism, Claim claim) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            claims.put(engine.key() + "/" + key(Deployment.SHARED_STORE), claim);
        }
        return new JudgedDesign(name, kind, type.getName(), Design.Execution.DATABASE.name(), mechanism, claims);
    }

    public static String key(Deployment deployment) {
        return deployment.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
