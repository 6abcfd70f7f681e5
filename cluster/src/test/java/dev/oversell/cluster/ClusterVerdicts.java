package dev.oversell.cluster;

import dev.oversell.design.Claim;
import dev.oversell.design.ClusterDesign;
import dev.oversell.judge.Coverage;
import dev.oversell.judge.Finding;
import dev.oversell.judge.Judge;
import dev.oversell.judge.Observation;
import dev.oversell.properties.Evidence;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.RunFolder;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster's fault runs observed, as the one {@link Observation} type, family
 * {@link Observation.Family#CLUSTER_FAULTS}: one per design, engine and fault (a fault of a later round names its
 * round), written to {@code cluster/observations.json} in the run folder with the designs and their claims, and
 * judged by the one {@link Judge}, per design and engine, against the design's claim. An engine a design claims
 * nothing on is a {@code SKIPPED} observation saying why; an engine not reachable is one too, and is not judged.
 */
final class ClusterVerdicts {

    static final String FAMILY = "cluster";
    static final String SUMMARY = "summary.md";

    private final List<ClusterDesign> designs;
    private final List<Observation> observations = new ArrayList<>();
    private final java.util.Set<Engine> unreachable = java.util.EnumSet.noneOf(Engine.class);
    private final StringBuilder summary = new StringBuilder();

    ClusterVerdicts(List<ClusterDesign> designs) {
        this.designs = List.copyOf(designs);
        summary.append("# The cluster's faults, run ").append(RunFolder.id()).append("\n\n")
                .append("Per fault, design and engine: what the buyers were told, and what the database says.\n");
    }

    /** {@code design} claims nothing on {@code engine}, for the reason given. */
    void notApplicable(ClusterDesign design, Engine engine, String why) {
        observations.add(new Observation(RunFolder.id(), design.name(), Observation.Family.CLUSTER_FAULTS,
                "every fault", engine.label(), null, new Coverage.NotApplicable(why), null, null, null, null, null,
                why));
    }

    /**
     * {@code design} is not measured on {@code engine}, an engine that is not reachable here (outside CI, where a
     * missing engine fails first): not checked, and not judged (the report says why).
     */
    void unreachable(ClusterDesign design, Engine engine, String why) {
        unreachable.add(engine);
        observations.add(new Observation(RunFolder.id(), design.name(), Observation.Family.CLUSTER_FAULTS,
                "every fault", engine.label(), null, new Coverage.NotChecked(why, "a reachable " + engine.label()),
                null, null, null, null, null, why));
    }

    /** One round's outcomes: an observation per lane and fault. */
    void measured(ShardedOwnerFaults.Run run, int round, Map<Engine, String> versions, String reproduce) {
        measured(run, round, 0, versions, reproduce);
    }

    /**
     * One attempt's outcomes: an observation per lane and fault; {@code retry} 0 for the round's own attempt, else
     * the retry of the lanes whose stall did not strike ({@link StallRetries}).
     */
    void measured(ShardedOwnerFaults.Run run, int round, int retry, Map<Engine, String> versions, String reproduce) {
        summary.append("\n## Round ").append(round).append(retry == 0 ? "" : ", retry " + retry).append(": ")
                .append(run.schedule()).append("\n\n")
                .append("Took ").append(run.took().toMillis()).append(" ms. Reproduce: `").append(reproduce)
                .append("`\n\n```\n");
        run.outcomes().forEach(o -> summary.append(o.line()).append('\n'));
        summary.append("```\n");
        run.notes().forEach(n -> summary.append("\n- note: ").append(n));
        for (FaultOutcome o : run.outcomes()) {
            Finding finding = o.finding().anomaly() ? o.finding() : o.held() ? Finding.HELD : Finding.NOT_LINEARIZABLE;
            String cell = o.fault().product() + (round == 1 ? "" : ", round " + round)
                    + (retry == 0 ? "" : ", retry " + retry);
            String example = finding.anomaly() ? example(o) : null;
            // a stall that did not reach the design's write proves nothing about a stale write, and a phase in which
            // no purchase succeeded proves nothing at all (an oversell seen stands either way)
            Optional<String> notStruck = o.stall() == null ? Optional.empty() : o.stall().whyNotStruck(o.lane().fenced());
            Optional<String> notChecked = notStruck.map(why -> "the fault did not strike as designed: " + why)
                    .or(() -> o.purchased() == 0 ? Optional.of("no purchase succeeded under the fault ("
                            + o.attempted() + " attempted, " + o.failed() + " failed or timed out)") : Optional.empty());
            if (notChecked.isPresent() && finding != Finding.OVERSOLD) {
                observations.add(new Observation(RunFolder.id(), o.lane().design().designName(),
                        Observation.Family.CLUSTER_FAULTS, cell, o.lane().engine().label(), versions.get(o.lane().engine()),
                        new Coverage.NotChecked(notChecked.get(), reproduce + o.fault().product()),
                        null, null, null, reproduce + o.fault().product(), FAMILY + "/" + SUMMARY,
                        notStruck.isPresent() ? "the fault did not strike as designed" : "nothing sold"));
                continue;
            }
            observations.add(new Observation(RunFolder.id(), o.lane().design().designName(),
                    Observation.Family.CLUSTER_FAULTS, cell, o.lane().engine().label(), versions.get(o.lane().engine()),
                    new Coverage.Sampled(o.attempted(), 0, "purchases under the fault", run.schedule().seed()), finding,
                    Observation.Counts.ofAccounts(o.attempted(), o.existed(), o.unitsSold(), o.finalStock()), example,
                    reproduce + o.fault().product(), FAMILY + "/" + SUMMARY, o.fault().description()));
        }
    }

    /**
     * The fault that brings a stale write to the design's write ({@link Fault#PAUSE_OWNER_MID_PURCHASE}) was in no
     * schedule of this run ({@code -Doversell.cluster.faults} left it out): for every design measured on each of
     * {@code engines} (in this shard of the run), that cell is not checked, and a "never oversells" claim cannot hold on the other faults alone.
     */
    void staleWriteNotTried(java.util.Collection<Engine> engines, String toCheck) {
        Fault fault = Fault.PAUSE_OWNER_MID_PURCHASE;
        for (ClusterDesign design : designs) {
            for (Engine engine : engines) {
                if (design.claim(engine) == Claim.NOT_APPLICABLE || !inThisShard(design, engine)) {
                    continue; // claimed n/a, or a lane of another shard of the run
                }
                String why = fault.product() + " was in no schedule of this run (-Doversell.cluster.faults left it"
                        + " out): no stale write reached the design's write";
                observations.add(new Observation(RunFolder.id(), design.name(), Observation.Family.CLUSTER_FAULTS,
                        fault.product(), engine.label(), null, new Coverage.NotChecked(why, toCheck), null, null,
                        null, toCheck, FAMILY + "/" + SUMMARY, why));
            }
        }
    }

    /**
     * The counterexample of one lane's phase, in words: the fault as it struck (step by step for the stall between
     * read and write), what the buyers were told, then the accounts.
     */
    static String example(FaultOutcome o) {
        String head = o.lane().design().designName() + " on " + o.lane().engine().label() + ", "
                + ShardedOwnerFaults.NODES + " node processes, fault " + o.fault().product() + ":\n";
        Stall s = o.stall();
        String what = s == null ? "What happened: " + o.fault().description() + "; " + o.faultDetail() + ".\n"
                : "  1. " + s.node() + " holds the product's entity (token " + s.token() + "); purchase " + s.requestId()
                + " reads stock " + s.stockRead() + " and stops before its write (the stall point)\n"
                + "  2. SIGSTOP " + s.node() + "; the other nodes down it after " + s.downedAfterMillis()
                + " ms; the entity restarts on " + s.successor() + " (a new incarnation) and sells on\n"
                + "  3. SIGCONT " + s.node() + " (the stall point reported: " + s.states() + "): the stalled purchase"
                + " writes stock = " + (s.stockRead() - 1) + (o.lane().fenced() ? " WHERE owner_epoch = " + s.token() : "")
                + " over the new incarnation's " + s.answeredWhileStalled() + " answers (token "
                + s.newestTokenBeforeResume() + "), and records its sale\n"
                + "  4. buyers buy on until they are told it is sold out\n";
        return head + what
                + "Buyers: " + o.attempted() + " purchases, " + o.purchased() + " told purchased, " + o.outOfStock()
                + " told out of stock, " + o.failed() + " failed or timed out; incarnations' tokens " + o.tokens()
                + ", answered by " + o.answeredBy() + ".\n"
                + "Database: " + o.unitsSold() + " units sold of " + o.existed() + ", stock " + o.finalStock()
                + (o.oversoldUnits() > 0 ? ". Oversell: " + o.oversoldUnits() + " units sold that never existed."
                : o.conserved() ? "." : ": stock and sales do not add up.");
    }

    /** A unit of a shard of the run ({@link Shard}): {@code design} on {@code engine}, {@code cluster/<design>/<engine>}. */
    static String unit(ClusterDesign design, Engine engine) {
        return Shard.unit(FAMILY, design.name(), engine);
    }

    /** Whether {@code design} on {@code engine} is a lane of this shard of the run ({@code -Doversell.shard}). */
    static boolean inThisShard(ClusterDesign design, Engine engine) {
        return Shard.current().runs(unit(design, engine));
    }

    /** Writes {@code cluster/observations.json} and {@code cluster/summary.md} into the run folder. */
    void write() {
        Evidence.writeJson(FAMILY, "observations.json", new Observations(RunFolder.id(), FAMILY,
                Environment.ofThisJvm(), designs.stream().map(JudgedDesign::of).toList(), List.copyOf(observations),
                RunSettings.ofThisJvm(), Shard.taken(FAMILY)));
        Evidence.writeText(FAMILY, SUMMARY, summary.toString());
    }

    /** Why what was measured disagrees with the claims, per design and engine measured (empty: they agree). */
    List<String> disagreements() {
        List<String> problems = new ArrayList<>();
        for (ClusterDesign design : designs) {
            for (Engine engine : Engine.values()) {
                Claim claim = design.claim(engine);
                // every lane measured is judged, a lane whose fault did not strike among them: it is not checked,
                // and a "never oversells" claim cannot hold on it
                List<Observation> seen = observations.stream().filter(o -> o.design().equals(design.name())
                        && o.engine().equals(engine.label())).toList();
                if (seen.isEmpty() || claim == Claim.NOT_APPLICABLE || unreachable.contains(engine)) {
                    continue; // not measured: claimed n/a, not reachable or not requested; the report says which
                }
                Optional<String> why = Judge.judge(design.name() + " on " + engine.label() + " across "
                        + ShardedOwnerFaults.NODES + " node processes", "the cluster's faults", claim, seen);
                why.ifPresent(problems::add);
            }
        }
        return problems;
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }
}
