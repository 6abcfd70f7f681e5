package dev.oversell.report;

import dev.oversell.judge.Observation;
import dev.oversell.run.Power;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.run.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One report from several run folders: the shards of one run ({@code -Doversell.shard=k/n}, {@link Shard}), each
 * measured on its own machine (the parallel jobs of a CI matrix), or a run split some other way (a job per module).
 * The evidence is the union of the folders' families' observations, in the order of the folders' run ids (so the
 * report does not depend on the order the folders are named in), and is a pure function of those folders.
 *
 * <p>It is refused ({@link RefusedEvidence}), naming the folders and what differs, whenever the merged report would
 * claim something no single run measured:
 * <ul>
 *   <li>two folders took the same unit (a design, on an engine: overlapping shards, or one run named twice);</li>
 *   <li>no folder took some unit of the run (a shard's folder missing, or a family a shard did not write): the
 *       refusal names the shard and the family; a report of what the folders hold is made when asked for
 *       ({@code ReportMain --partial}), and says loudly that it is partial;</li>
 *   <li>the folders were written by different Oversell versions, or split into different numbers of shards;</li>
 *   <li>a family was run with other settings (seeds, bounds, budgets, engines, a chosen design:
 *       {@link RunSettings}) or over another catalogue (its designs and their claims) in one folder than in
 *       another;</li>
 *   <li>a setting has values in two folders and none in common, whichever families or the checks' power
 *       ({@code power/power.json}) recorded it;</li>
 *   <li>an engine reported a different version in one folder than in another;</li>
 *   <li>two folders hold benchmarks (a report compares ratios within one run only), or the same family's power;</li>
 *   <li>a record does not say what it was run with or which units it took (written before shards existed).</li>
 * </ul>
 * The report's links lead into a copy of each folder under its run id ({@code <out>/<run id>/...}), and its header
 * names the folders it was made from and any shard missing among them.
 */
final class MergedRuns {

    /** At most this many cells judged twice are named in a refusal. */
    private static final int NAMED = 5;

    private MergedRuns() {
    }

    static RunEvidence of(List<RunEvidence> runs, boolean partial) {
        List<RunEvidence> sorted = runs.stream().sorted(Comparator.comparing(RunEvidence::runId)).toList();
        oneFolderPerRun(sorted);
        List<Placed> records = new ArrayList<>();
        sorted.forEach(run -> run.families().forEach(f -> records.add(new Placed(run.runId(), f))));
        List<Said> said = new ArrayList<>(records.stream().map(p -> new Said(p.runId(), p.where(), p.settings()))
                .toList());
        sorted.stream().filter(run -> run.power() != null).forEach(run -> said.add(new Said(run.runId(),
                run.runId() + "/" + Power.FOLDER + "/" + Power.FILE, run.power().settings())));
        everyFileSaysWhatItRanWith(said);
        oneOversellVersion(said);
        oneSplit(said);
        eachSettingOneValue(said);
        eachFamilyRanAlike(records);
        oneVersionPerEngine(records);
        List<Took> took = new ArrayList<>(records.stream().map(p -> new Took(p.runId(), p.family().folder(),
                p.where(), p.family().record().units())).toList());
        sorted.stream().filter(run -> run.power() != null).forEach(run -> took.add(new Took(run.runId(), Power.FOLDER,
                run.runId() + "/" + Power.FOLDER + "/" + Power.FILE, run.power().units())));
        List<String> missing = everyUnitOnce(took, sorted, said.get(0).settings().shard().count());
        if (!missing.isEmpty() && !partial) {
            throw new RefusedEvidence("refusing to merge: these run folders do not hold every unit of the run: "
                    + String.join("; ", missing) + ". Their cells would read 'not run' where the run measured them:"
                    + " add the missing folders, or ask for a partial report, loudly marked as one: ReportMain"
                    + " --partial <run folder>... <out>");
        }

        Map<String, List<RunEvidence.FamilyFile>> byFolder = new TreeMap<>();
        records.forEach(p -> byFolder.computeIfAbsent(p.family().folder(), k -> new ArrayList<>()).add(placed(p)));
        List<RunEvidence.FamilyFile> families = byFolder.values().stream().flatMap(List::stream).toList();
        List<RunEvidence.Source> sources = sorted.stream().flatMap(run -> run.sources().stream()).toList();
        return new RunEvidence(sources, families, benchmarks(sorted), power(sorted), missing);
    }

    /**
     * The folders it was made from, for the report's header: {@code 2 run folders: a (shard 1/2), b (shard 2/2)},
     * and the shards of the split that none of them ran.
     */
    static String madeFrom(List<RunEvidence.Source> sources) {
        String folders = sources.stream().map(s -> s.runId() + " (" + s.folder() + "; " + shards(s) + ")")
                .collect(Collectors.joining(", "));
        Set<Shard> ran = new HashSet<>();
        sources.forEach(s -> ran.addAll(s.shards()));
        Set<Integer> counts = new TreeSet<>();
        ran.forEach(shard -> counts.add(shard.count()));
        List<String> missing = counts.size() != 1 ? List.of() : IntStream.rangeClosed(1, counts.iterator().next())
                .mapToObj(k -> new Shard(k, counts.iterator().next())).filter(k -> !ran.contains(k))
                .map(Shard::toString).toList();
        return sources.size() + " run folders, one report: " + folders + (missing.isEmpty() ? ""
                : "; not among them: shard " + String.join(", ", missing) + ", whose units are not run in this report");
    }

    private static String shards(RunEvidence.Source source) {
        if (source.shards().isEmpty()) {
            return "shard unknown";
        }
        return source.shards().stream().map(k -> k.whole() ? "the whole run" : "shard " + k)
                .collect(Collectors.joining(", "));
    }

    /** What a file of a run folder (a family's record, the checks' power) says it was run with, and where it is. */
    private record Said(String runId, String where, RunSettings settings) {
    }

    /** The units a file of a run folder (a family's record, the checks' power) took, of its family, and where it is. */
    private record Took(String runId, String family, String where, Units units) {
    }

    /** A family's record and the run folder it came from. */
    private record Placed(String runId, RunEvidence.FamilyFile family) {

        RunSettings settings() {
            return family.record().settings();
        }

        String where() {
            return runId + "/" + family.folder() + "/" + RunEvidence.OBSERVATIONS;
        }
    }

    private static void oneFolderPerRun(List<RunEvidence> runs) {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        runs.forEach(run -> run.sources().forEach(s -> folders.computeIfAbsent(s.runId(), k -> new ArrayList<>())
                .add(s.folder().toString())));
        folders.forEach((runId, named) -> {
            if (named.size() > 1) {
                throw new RefusedEvidence("refusing to merge " + named + ": they are all of run " + runId + " (a run"
                        + " folder's name is its run id); name each run folder once, and give each shard a run id of"
                        + " its own (-Doversell.runId)");
            }
        });
    }

    private static void everyFileSaysWhatItRanWith(List<Said> said) {
        List<String> silent = said.stream().filter(s -> s.settings() == null).map(Said::where).toList();
        if (!silent.isEmpty()) {
            throw new RefusedEvidence("refusing to merge: " + silent + " do not say what they were run with (no"
                    + " 'settings': written by an Oversell before shards), so nothing shows that the run folders are"
                    + " shards of one run; report each of them on its own");
        }
    }

    private static void oneOversellVersion(List<Said> said) {
        Map<String, Set<String>> byVersion = new TreeMap<>();
        said.forEach(s -> byVersion.computeIfAbsent(s.settings().oversellVersion(), k -> new TreeSet<>())
                .add(s.runId()));
        if (byVersion.size() > 1) {
            throw new RefusedEvidence("refusing to merge run folders written by different Oversell versions: "
                    + describe(byVersion) + "; run every shard with one build of Oversell");
        }
    }

    private static void oneSplit(List<Said> said) {
        Map<String, Set<String>> byShard = new TreeMap<>();
        Set<Integer> counts = new TreeSet<>();
        said.forEach(s -> {
            byShard.computeIfAbsent(s.settings().shard().toString(), k -> new TreeSet<>()).add(s.runId());
            counts.add(s.settings().shard().count());
        });
        if (counts.size() > 1) {
            throw new RefusedEvidence("refusing to merge shards of different splits: " + describe(byShard)
                    + "; a unit's shard depends on n, so these folders may both judge a unit or both leave it out:"
                    + " run every shard as k/n with one n");
        }
    }

    /**
     * Each setting one value in every folder, whichever family (or the checks' power) recorded it: shards whose
     * families do not meet (shard 1 ran only Lincheck, shard 2 only the databases) are still compared. A folder may
     * hold several values of one setting, since a module sets its own defaults (the power module gives
     * {@code oversell.lincheck.budgetSeconds} 900, the properties module 300) and a shard that ran none of a
     * module's families lacks its value; the value given on a shard's command line is in every record of it that
     * reads the setting. So two folders are refused when a setting has values in both and none in common; a family
     * set in one folder and not in another is {@link #eachFamilyRanAlike}'s to refuse.
     */
    private static void eachSettingOneValue(List<Said> said) {
        Map<String, Map<String, Map<String, Set<String>>>> values = new TreeMap<>(); // setting, run, value, files
        said.forEach(s -> s.settings().measuring().forEach((name, value) -> values.computeIfAbsent(name,
                        k -> new TreeMap<>()).computeIfAbsent(s.runId(), k -> new TreeMap<>())
                .computeIfAbsent(value, k -> new TreeSet<>()).add(s.where())));
        values.forEach((name, byRun) -> {
            List<String> runs = List.copyOf(byRun.keySet());
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    Map<String, Set<String>> a = byRun.get(runs.get(i));
                    Map<String, Set<String>> b = byRun.get(runs.get(j));
                    if (a.keySet().stream().noneMatch(b::containsKey)) {
                        throw new RefusedEvidence("refusing to merge: " + name + " is " + values(a) + " in "
                                + runs.get(i) + " and " + values(b) + " in " + runs.get(j) + ", so no single run"
                                + " measured the merged columns; run every shard with the same settings but -D"
                                + Shard.SETTING + " (" + files(a) + "; " + files(b) + ")");
                    }
                }
            }
        });
    }

    private static String values(Map<String, Set<String>> byValue) {
        return String.join(" or ", byValue.keySet());
    }

    private static String files(Map<String, Set<String>> byValue) {
        return byValue.values().stream().flatMap(Set::stream).collect(Collectors.joining(", "));
    }

    /** Each family: the same settings and the same designs (with their claims) in every folder that ran it. */
    private static void eachFamilyRanAlike(List<Placed> records) {
        Map<String, Placed> first = new LinkedHashMap<>();
        for (Placed p : records) {
            Placed earlier = first.putIfAbsent(p.family().folder(), p);
            if (earlier == null) {
                continue;
            }
            Map<String, String> a = earlier.settings().measuring();
            Map<String, String> b = p.settings().measuring();
            if (!a.equals(b)) {
                Set<String> names = new TreeSet<>(a.keySet());
                names.addAll(b.keySet());
                String differences = names.stream().filter(n -> !Objects.equals(a.get(n), b.get(n)))
                        .map(n -> n + ": " + value(a.get(n)) + " in " + earlier.runId() + ", " + value(b.get(n)) + " in "
                                + p.runId()).collect(Collectors.joining("; "));
                throw new RefusedEvidence("refusing to merge: the " + p.family().folder() + " family was run with"
                        + " other settings in " + earlier.runId() + " than in " + p.runId() + " (" + differences
                        + "), so no single run measured the merged " + p.family().folder() + " column; run every"
                        + " shard with the same settings but -D" + Shard.SETTING + " (" + earlier.where() + ", "
                        + p.where() + ")");
            }
            if (!earlier.family().record().designs().equals(p.family().record().designs())) {
                Set<String> here = names(earlier);
                Set<String> there = names(p);
                Set<String> onlyHere = new TreeSet<>(here);
                onlyHere.removeAll(there);
                Set<String> onlyThere = new TreeSet<>(there);
                onlyThere.removeAll(here);
                throw new RefusedEvidence("refusing to merge: the " + p.family().folder() + " family judged another"
                        + " catalogue in " + earlier.runId() + " than in " + p.runId() + " ("
                        + (onlyHere.isEmpty() && onlyThere.isEmpty() ? "the same designs, in another order or with"
                        + " other claims, kinds or mechanisms"
                        : "only in " + earlier.runId() + ": " + onlyHere + "; only in " + p.runId() + ": " + onlyThere)
                        + "); run every shard from one commit of the catalogue (" + earlier.where() + ", " + p.where()
                        + ")");
            }
        }
    }

    private static Set<String> names(Placed p) {
        Set<String> names = new TreeSet<>();
        p.family().record().designs().forEach(d -> names.add(d.name()));
        return names;
    }

    private static String value(String setting) {
        return setting == null ? "unset" : setting;
    }

    /**
     * Every unit of the run taken exactly once ({@link Units}): a unit taken in two folders is refused (overlapping
     * shards, or one run named twice: a cell would be made from two measurements); a unit taken in none is missing,
     * and is returned described by the shard it belongs to ({@link Shard#of}, among {@code count}) and its family, with
     * why (no folder of that shard here, or its folder has no record of the family). Each family's units of the run
     * are the same in every folder.
     */
    private static List<String> everyUnitOnce(List<Took> took, List<RunEvidence> runs, int count) {
        List<String> silent = took.stream().filter(t -> t.units() == null).map(Took::where).toList();
        if (!silent.isEmpty()) {
            throw new RefusedEvidence("refusing to merge: " + silent + " do not name the units they took (no 'units':"
                    + " written by an Oversell before), so nothing shows that the run folders hold every unit once;"
                    + " report each of them on its own");
        }
        Map<String, List<Took>> byFamily = new TreeMap<>();
        took.forEach(t -> byFamily.computeIfAbsent(t.family(), k -> new ArrayList<>()).add(t));
        Map<String, String> folderOf = new TreeMap<>();
        runs.forEach(run -> run.sources().forEach(s -> s.shards().forEach(k -> folderOf.putIfAbsent(k.toString(),
                s.runId()))));
        Map<String, Set<String>> twice = new TreeMap<>();
        Map<String, Map<String, List<String>>> missing = new TreeMap<>(); // shard, family, units
        byFamily.forEach((family, files) -> {
            Took first = files.get(0);
            for (Took t : files) {
                if (!new TreeSet<>(t.units().ofTheRun()).equals(new TreeSet<>(first.units().ofTheRun()))) {
                    throw new RefusedEvidence("refusing to merge: the " + family + " family's units of the run are "
                            + "not the same in " + first.where() + " as in " + t.where() + " (" + first.units().ofTheRun()
                            + "; " + t.units().ofTheRun() + "); run every shard with one command line but its k");
                }
            }
            for (String unit : first.units().ofTheRun()) {
                Set<String> in = new TreeSet<>();
                files.stream().filter(t -> t.units().taken().contains(unit)).forEach(t -> in.add(t.runId()));
                if (in.size() > 1) {
                    twice.put(unit, in);
                } else if (in.isEmpty()) {
                    missing.computeIfAbsent(new Shard(Shard.of(unit, count), count).toString(), k -> new TreeMap<>())
                            .computeIfAbsent(family, k -> new ArrayList<>()).add(unit);
                }
            }
        });
        if (!twice.isEmpty()) {
            String named = twice.entrySet().stream().limit(NAMED).map(e -> e.getKey() + " (in " + String.join(" and ",
                    e.getValue()) + ")").collect(Collectors.joining("; "));
            throw new RefusedEvidence("refusing to merge: " + twice.size() + " unit" + (twice.size() == 1 ? " was"
                    : "s were") + " taken in two run folders: " + named + (twice.size() > NAMED ? "; and "
                    + (twice.size() - NAMED) + " more" : "") + ". Overlapping shards (the same k/n twice, or a whole"
                    + " run beside a shard) or one run named twice: a cell would be made from two measurements. Name"
                    + " each shard's folder once.");
        }
        List<String> described = new ArrayList<>();
        missing.forEach((shard, families) -> families.forEach((family, units) -> described.add("shard " + shard
                + " wrote nothing of " + family + " (" + units.size() + " unit" + (units.size() == 1 ? "" : "s") + ": "
                + units.stream().limit(NAMED).collect(Collectors.joining(", ")) + (units.size() > NAMED ? ", ..." : "")
                + "; " + (folderOf.containsKey(shard) ? "its folder " + folderOf.get(shard) + " has no " + family
                + " record that took them" : "no run folder of shard " + shard + " is among these") + ")")));
        return described;
    }

    private static void oneVersionPerEngine(List<Placed> records) {
        Map<String, Map<String, Set<String>>> versions = new TreeMap<>();
        records.forEach(p -> p.family().record().observations().stream()
                .filter(o -> o.engine() != null && o.engineVersion() != null)
                .forEach(o -> versions.computeIfAbsent(VerdictMatrix.engineKey(o.engine()), k -> new TreeMap<>())
                        .computeIfAbsent(o.engineVersion(), k -> new TreeSet<>()).add(p.runId())));
        versions.forEach((engine, byVersion) -> {
            if (byVersion.size() > 1) {
                throw new RefusedEvidence("refusing to merge: " + VerdictMatrix.engineLabel(engine) + " reported"
                        + " different versions or settings in different run folders (" + describe(byVersion)
                        + "), so its column would mix servers no single run measured; point every shard at the same"
                        + " kind of server");
            }
        });
    }

    /** {@code version in a, b; other in c}. */
    private static String describe(Map<String, Set<String>> byValue) {
        return byValue.entrySet().stream().map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** The family's record with its links into the folder's copy, {@code <run id>/...}. */
    private static RunEvidence.FamilyFile placed(Placed p) {
        var record = p.family().record();
        List<Observation> observations = record.observations().stream().map(o -> new Observation(o.runId(), o.design(),
                o.family(), o.cell(), o.engine(), o.engineVersion(), o.coverage(), o.finding(), o.counts(), o.example(),
                o.reproduce(), o.evidenceFile() == null ? null : p.runId() + "/" + o.evidenceFile(), o.note(),
                o.accepted())).toList();
        return new RunEvidence.FamilyFile(p.family().folder(), new dev.oversell.run.Observations(record.runId(),
                record.family(), record.measuredOn(), record.designs(), observations, record.settings(), record.units()),
                p.runId() + "/" + p.family().link());
    }

    /** The one folder's benchmarks (with links into its copy), or why there are none; two folders' are refused. */
    private static RunEvidence.Benchmarks benchmarks(List<RunEvidence> runs) {
        List<RunEvidence> measured = runs.stream().filter(run -> !run.benchmarks().isEmpty()).toList();
        if (measured.size() > 1) {
            throw new RefusedEvidence("refusing to merge: " + measured.stream().map(RunEvidence::runId).toList()
                    + " each hold benchmark results (jmh/), and a report compares ratios within one run only; run the"
                    + " benchmarks in one shard");
        }
        if (measured.isEmpty()) {
            return runs.get(0).benchmarks();
        }
        RunEvidence run = measured.get(0);
        RunEvidence.Benchmarks b = run.benchmarks();
        return new RunEvidence.Benchmarks(b.measuredOn(), b.ratios(), null, run.runId() + "/" + b.dir());
    }

    /**
     * Every folder's rows of the checks' power, with the settings of the first folder that measured some (the others'
     * were found alike, their shard aside) and the units all of them took; a family's power measured in two folders
     * is refused.
     */
    private static Power power(List<RunEvidence> runs) {
        Map<String, String> measuredIn = new LinkedHashMap<>();
        List<Power.Family> rows = new ArrayList<>();
        Power first = null;
        Set<String> taken = new LinkedHashSet<>();
        for (RunEvidence run : runs) {
            if (run.power() == null) {
                continue;
            }
            first = first == null ? run.power() : first;
            taken.addAll(run.power().units().taken());
            for (Power.Family row : run.power().families()) {
                String earlier = measuredIn.putIfAbsent(row.family(), run.runId());
                if (earlier != null) {
                    throw new RefusedEvidence("refusing to merge: the power of " + row.family() + " was measured in "
                            + earlier + " and in " + run.runId() + " (power/power.json); it is one unit of one shard");
                }
                rows.add(row);
            }
        }
        return rows.isEmpty() ? null : new Power(runs.stream().map(RunEvidence::runId)
                .collect(Collectors.joining(" + ")), rows, first.settings(),
                new Units(first.units().ofTheRun(), List.copyOf(taken)));
    }
}
