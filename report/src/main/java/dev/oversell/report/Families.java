package dev.oversell.report;

import dev.oversell.design.Deployment;
import dev.oversell.judge.Observation.Family;
import dev.oversell.engine.Engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the two tables show each family of checks: its name in a header, the noun its checks are counted in,
 * the deployment whose claim it judges, and whether each of its cells (a jcstress scenario) gets a column of
 * its own. Which table a family appears in follows from the designs it observed; the families below appear
 * even when a run has none of them, as "not run".
 */
final class Families {

    /** The in-memory table's families, shown even when the run has none of them. */
    static final Set<Family> IN_MEMORY = EnumSet.of(Family.LINCHECK, Family.JCSTRESS, Family.CONFORMANCE);
    /**
     * The database table's families (each engine's cell has a line per family), shown even when not run; a database
     * design's conformance runs on a private H2, so its line is in the H2 cell.
     */
    static final Set<Family> DATABASE = EnumSet.of(Family.DATABASE_SCHEDULES, Family.DATABASE_LOAD, Family.DEPLOYMENT,
            Family.CONFORMANCE);
    /**
     * A cluster design's families, in the database table (it writes through to a database too), shown even when
     * not run: its cluster's fault run, and no other (no checker can build a cluster in its own JVM).
     */
    static final Set<Family> CLUSTER = EnumSet.of(Family.CLUSTER_FAULTS);
    /** A design guarded by a distributed lock: its holder paused past its lease, and no other family. */
    static final Set<Family> LOCKED = EnumSet.of(Family.LOCK_FAULTS);
    /**
     * A design that hands its orders to a queue: its faults (its consumer killed before its acknowledgement, its front
     * before its publish, Redis restarted with an order in flight), and no other family.
     */
    static final Set<Family> QUEUED = EnumSet.of(Family.QUEUE_FAULTS);

    private Families() {
    }

    static String label(Family family) {
        return switch (family) {
            case LINCHECK -> "Lincheck";
            case JCSTRESS -> "jcstress";
            case DATABASE_SCHEDULES -> "interleavings";
            case DATABASE_LOAD -> "load";
            case DEPLOYMENT -> "2 instances";
            case CLUSTER_FAULTS -> "cluster faults";
            case LOCK_FAULTS -> "holder paused past its lease";
            case QUEUE_FAULTS -> "queue faults";
            case CONFORMANCE -> "conformance";
        };
    }

    /**
     * Whether each observation of the family is one fault of several (the cluster's, the queue's): a cell or a line
     * that says the family saw something names which faults did.
     */
    static boolean namesFaults(Family family) {
        return family == Family.CLUSTER_FAULTS || family == Family.QUEUE_FAULTS;
    }

    /** What one observation of the family is, counted: "2 schedules", "1 check". */
    static String count(Family family, long n) {
        String noun = switch (family) {
            case DATABASE_SCHEDULES -> "schedule";
            case JCSTRESS -> "run";
            case CLUSTER_FAULTS -> "fault";
            default -> "check";
        };
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Whether the family has a line in a database design's cell on {@code engineKey}: conformance only on H2 (each
     * sequence runs over a private H2); on a store that is not an SQL engine (Redis), only the interleavings, the
     * one family that runs there; every other family on every engine.
     */
    static boolean onEngine(Family family, String engineKey) {
        if (java.util.Arrays.stream(Engine.values()).noneMatch(e -> e.key().equals(engineKey))) {
            return family == Family.DATABASE_SCHEDULES;
        }
        return family != Family.CONFORMANCE || engineKey.equals(Engine.H2.key());
    }

    /** Whether each cell of the family (jcstress: each scenario) is a column of the in-memory table. */
    static boolean columnPerCell(Family family) {
        return family == Family.JCSTRESS;
    }

    /**
     * The deployment whose claim the family judges: several processes sharing the database for the deployment
     * check (two app instances), the cluster's faults (its node processes) and a lock's paused holder (two app
     * instances sharing the lock), else one instance.
     */
    static Deployment deployment(Family family) {
        return family == Family.DEPLOYMENT || family == Family.CLUSTER_FAULTS || family == Family.LOCK_FAULTS
                || family == Family.QUEUE_FAULTS ? Deployment.SHARED_STORE : Deployment.SINGLE_INSTANCE;
    }

    /** How a claim judged by one fault family reads in a cell, after the claim: what the several parts are. */
    static String across(Family family) {
        return switch (family) {
            case LOCK_FAULTS -> ", with 2 instances sharing the lock";
            case QUEUE_FAULTS -> ", under its queue's faults";
            default -> ", across its nodes";
        };
    }
}
