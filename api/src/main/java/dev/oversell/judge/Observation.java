package dev.oversell.judge;

import java.util.Objects;

/**
 * What one check saw, in the one shape every checker reports (Lincheck, jcstress, database schedules and load
 * runs, the deployment check): the record the judge reads and the report is made from. A checker only observes;
 * {@link Judge} decides what the observations mean for a claim.
 *
 * @param runId         the run this was measured in (see the runtime's {@code dev.oversell.run.RunFolder})
 * @param design        the design's name
 * @param family        the family of checks
 * @param cell          which check of the family: a workload and mode, a scenario, a schedule, "load", ...
 * @param engine        the database engine (its label), null in memory
 * @param engineVersion the engine's version as it reported it, null in memory
 * @param coverage      how much of what {@code cell} names was run ({@link Coverage}); a check that did not run
 *                      proves nothing
 * @param finding       what it saw (null exactly when {@code coverage} did not run)
 * @param counts        purchases attempted, units sold, units oversold and units lost, where the check counts
 *                      them (null where it does not, e.g. a model-checked interleaving)
 * @param example       the smallest counterexample in a form a person can read (null if it saw nothing wrong)
 * @param reproduce     the command that runs this check again
 * @param evidenceFile  the evidence file, relative to the run folder (null if none)
 * @param note          anything else worth a reader's eye, in one line
 * @param accepted      the {@link Relaxation} the design declares, when every execution of this check that broke the
 *                      strict contract fitted it (the finding is then {@link Finding#NOT_LINEARIZABLE}); null
 *                      otherwise
 */
public record Observation(String runId, String design, Family family, String cell, String engine,
                          String engineVersion, Coverage coverage, Finding finding, Counts counts, String example,
                          String reproduce, String evidenceFile, String note, Relaxation accepted) {

    /**
     * The families of checks; each is judged on its own by the same rule. {@link #CLUSTER_FAULTS}: a design run as
     * a cluster of separate processes over one database, one observation per fault and engine
     * ({@link dev.oversell.design.ClusterDesign}). {@link #CONFORMANCE}: a design called one operation at a time
     * gives the specification's answers, over seeded random sequences (a database design over a private H2).
     * {@link #LOCK_FAULTS}: a database purchase guarded by a distributed lock, its holder paused between its read
     * and its write past the lock's lease while another instance buys, one observation per engine.
     * {@link #QUEUE_FAULTS}: a purchase taken in Redis and handed to a queue whose consumer writes the order to the
     * database, the consumer killed after its write and before its acknowledgement, one observation per engine.
     */
    public enum Family { LINCHECK, JCSTRESS, DATABASE_SCHEDULES, DATABASE_LOAD, DEPLOYMENT, CLUSTER_FAULTS, CONFORMANCE,
        LOCK_FAULTS, QUEUE_FAULTS }

    /**
     * Purchases attempted, units sold, units sold beyond what existed, units that vanished from the accounts
     * (sold plus stock left short of what existed), and units stranded: taken from the sale (a reservation in Redis)
     * that no account shows sold, so the sale ends with them unsold (0 where a check has no such reservation).
     */
    public record Counts(long attempted, long sold, long oversoldUnits, long lostUnits, long strandedUnits) {

        /** Counts of a check that takes nothing from the sale ahead of its accounts: nothing stranded. */
        public Counts(long attempted, long sold, long oversoldUnits, long lostUnits) {
            this(attempted, sold, oversoldUnits, lostUnits, 0);
        }

        /** The counts of one sale: {@code existed} units (initial plus restocked), {@code sold}, {@code stockNow}. */
        public static Counts ofAccounts(long attempted, long existed, long sold, long stockNow) {
            return new Counts(attempted, sold, Math.max(0, sold - existed), Math.max(0, existed - sold - stockNow));
        }
    }

    /** An observation held to the strict contract (no {@link Relaxation}). */
    public Observation(String runId, String design, Family family, String cell, String engine, String engineVersion,
                       Coverage coverage, Finding finding, Counts counts, String example, String reproduce,
                       String evidenceFile, String note) {
        this(runId, design, family, cell, engine, engineVersion, coverage, finding, counts, example, reproduce,
                evidenceFile, note, null);
    }

    public Observation {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(coverage, "coverage");
        if (coverage.ran() != (finding != null)) {
            throw new IllegalArgumentException("a finding is given exactly when the check ran: " + coverage.words()
                    + ", " + finding);
        }
        if (accepted != null && finding != Finding.NOT_LINEARIZABLE) {
            throw new IllegalArgumentException("a relaxation accepts answers that fit no strict order, nothing else: "
                    + accepted + " on " + finding);
        }
    }

    /**
     * The finding a claim is judged on: {@link Finding#HELD} where the design's declared {@link Relaxation} explains
     * every execution that broke the strict contract, else the finding seen.
     */
    public Finding findingForClaim() {
        return accepted != null ? Finding.HELD : finding;
    }

    /** True if the check ran (as far as its coverage says): its finding counts. */
    public boolean checked() {
        return coverage.ran();
    }
}
