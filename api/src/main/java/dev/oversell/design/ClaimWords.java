package dev.oversell.design;

import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A design's claim in words, written from its declaration: the one sentence a design's source file, a page or a
 * review shows, so that the claim is written once (where the design is declared) and shown everywhere from there.
 */
public final class ClaimWords {

    private ClaimWords() {
    }

    /** {@code never oversells}, {@code may oversell}, {@code claims nothing}. */
    public static String of(Claim claim) {
        return switch (claim) {
            case NEVER_OVERSELLS -> "never oversells";
            case MAY_OVERSELL -> "may oversell";
            case NOT_APPLICABLE -> "claims nothing";
        };
    }

    /** An in-memory design's one claim: for one instance, the threads of one JVM. */
    public static String of(InMemoryDesign design) {
        return of(design.claim()) + " in one instance (the threads of one JVM)";
    }

    /**
     * A database design's claims, one sentence per deployment, the engines named where they differ: {@code in one
     * instance, never oversells on every engine. With several instances sharing the database, may oversell on H2,
     * PostgreSQL and MariaDB; never oversells on MariaDB with snapshot isolation}.
     */
    public static String of(DatabaseDesign design) {
        String one = perEngine(design, Deployment.SINGLE_INSTANCE);
        String several = perEngine(design, Deployment.SHARED_STORE);
        return "in one instance, " + one + ". With several instances sharing the database, "
                + (several.equals(one) ? "the same" : several);
    }

    /** A claim made for several instances sharing one store: {@code never oversells, several instances sharing Redis}. */
    public static String sharing(Claim claim, String store) {
        return of(claim) + " with several instances sharing " + store;
    }

    /**
     * A cluster design's claims, with several node processes sharing the database, the engines named where they
     * differ, and why it claims nothing where it does not.
     */
    public static String of(ClusterDesign design) {
        String words = "with several node processes sharing the database, " + perEngine(design::claim);
        List<String> why = design.notApplicable().values().stream().distinct().toList();
        return why.isEmpty() ? words : words + " (" + String.join("; ", why) + ")";
    }

    private static String perEngine(DatabaseDesign design, Deployment deployment) {
        return perEngine(engine -> design.claim(deployment, engine));
    }

    private static String label(Engine engine) {
        return engine.label().replace(", ", " with ");
    }

    private static String perEngine(Function<Engine, Claim> claimOn) {
        Map<Claim, List<String>> engines = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            engines.computeIfAbsent(claimOn.apply(engine), c -> new ArrayList<>()).add(label(engine));
        }
        if (engines.size() == 1) {
            return of(engines.keySet().iterator().next()) + " on every engine";
        }
        List<String> clauses = new ArrayList<>();
        engines.forEach((claim, labels) -> {
            if (claim != Claim.NOT_APPLICABLE) {
                clauses.add(of(claim) + " on " + listed(labels));
            }
        });
        if (engines.containsKey(Claim.NOT_APPLICABLE)) {
            clauses.add(of(Claim.NOT_APPLICABLE) + " on " + listed(engines.get(Claim.NOT_APPLICABLE)));
        }
        return String.join("; ", clauses);
    }

    private static String listed(List<String> words) {
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
