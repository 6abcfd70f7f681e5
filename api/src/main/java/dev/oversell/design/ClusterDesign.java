package dev.oversell.design;

import dev.oversell.engine.Engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A design that runs as a cluster of separate processes writing through to one database (an actor engine's
 * sharded entity, say), so that no checker can build it in its own JVM: the catalogue declares it here, with its
 * claims, and the module that can start the cluster supplies the check, which measures it under faults and
 * reports what it saw as observations of {@link dev.oversell.judge.Observation.Family#CLUSTER_FAULTS}, judged by
 * the one {@link dev.oversell.judge.Judge}. A declared design no check measures is never "held": the judge finds
 * nothing to judge and fails.
 *
 * <p>A cluster is several processes sharing one database, so the claim is one per {@link Engine}, for the
 * {@link Deployment#SHARED_STORE} deployment, under the faults the check injects. An engine the processes cannot
 * share (the private in-memory H2) is {@link Claim#NOT_APPLICABLE}, and says why.
 *
 * <pre>{@code
 * ClusterDesign.named("pekko-sharded-owner-fenced")
 *         .implementedBy("dev.oversell.cluster.ProductEntity")
 *         .claimsOnEveryEngine(Claim.NEVER_OVERSELLS)
 *         .notApplicableOn(Engine.H2, "three JVMs cannot share a private in-memory H2")
 *         .mechanism("one sharded entity per product, writes fenced by the incarnation's token")
 *         .build();
 * }</pre>
 *
 * @param name           unique among every provider's designs
 * @param implementation the class that implements it (a name: it lives in a module the catalogue cannot see)
 * @param mechanism      one line on how it coordinates buyers
 * @param claims         per engine, with several processes sharing the database
 * @param notApplicable  per engine claimed {@link Claim#NOT_APPLICABLE}, why
 */
public record ClusterDesign(String name, String implementation, String mechanism, Map<Engine, Claim> claims,
                            Map<Engine, String> notApplicable) {

    public ClusterDesign {
        Design.checkedName(name);
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(mechanism, "mechanism");
        claims = Map.copyOf(claims);
        notApplicable = Map.copyOf(notApplicable);
        for (Engine engine : Engine.values()) {
            Claim claim = claims.get(engine);
            if (claim == null) {
                throw new IllegalArgumentException("cluster design " + name + " claims nothing on " + engine);
            }
            if ((claim == Claim.NOT_APPLICABLE) != notApplicable.containsKey(engine)) {
                throw new IllegalArgumentException("cluster design " + name + " on " + engine
                        + ": a claim of NOT_APPLICABLE, and only that, says why");
            }
        }
        if (claims.values().stream().allMatch(c -> c == Claim.NOT_APPLICABLE)) {
            throw new IllegalArgumentException("cluster design " + name + " claims something on no engine");
        }
    }

    public static Builder named(String name) {
        return new Builder(Design.checkedName(name));
    }

    /** What the design claims on {@code engine}, with several processes sharing the database. */
    public Claim claim(Engine engine) {
        return claims.get(engine);
    }

    /** Builds a {@link ClusterDesign}; {@link #build()} names whatever is missing. */
    public static final class Builder {
        private final String name;
        private String implementation;
        private String mechanism;
        private final Map<Engine, Claim> claims = new EnumMap<>(Engine.class);
        private final Map<Engine, String> notApplicable = new EnumMap<>(Engine.class);

        private Builder(String name) {
            this.name = name;
        }

        /** The implementing class's name. */
        public Builder implementedBy(String className) {
            this.implementation = Objects.requireNonNull(className, "className");
            return this;
        }

        /** The same claim on every engine (then {@link #notApplicableOn} for the engines it cannot run on). */
        public Builder claimsOnEveryEngine(Claim claim) {
            for (Engine engine : Engine.values()) {
                claimsOn(engine, claim);
            }
            return this;
        }

        /** The claim on one engine: {@link Claim#NEVER_OVERSELLS} or {@link Claim#MAY_OVERSELL}. */
        public Builder claimsOn(Engine engine, Claim claim) {
            if (Objects.requireNonNull(claim, "claim") == Claim.NOT_APPLICABLE) {
                throw new IllegalArgumentException(name + " on " + engine + ": say why with notApplicableOn(...)");
            }
            claims.put(engine, claim);
            notApplicable.remove(engine);
            return this;
        }

        /** The cluster cannot run on {@code engine}, for the reason given. */
        public Builder notApplicableOn(Engine engine, String why) {
            claims.put(engine, Claim.NOT_APPLICABLE);
            notApplicable.put(engine, Objects.requireNonNull(why, "why"));
            return this;
        }

        public Builder mechanism(String mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        public ClusterDesign build() {
            StringBuilder missing = new StringBuilder();
            if (implementation == null) missing.append(" implementedBy(...)");
            for (Engine engine : Engine.values()) {
                if (!claims.containsKey(engine)) missing.append(" a claim on ").append(engine);
            }
            if (mechanism == null) missing.append(" mechanism(...)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cluster design " + name + " is missing:" + missing);
            }
            return new ClusterDesign(name, implementation, mechanism, claims, notApplicable);
        }
    }
}
