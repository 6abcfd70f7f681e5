package dev.oversell.power;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oversell.run.Power;
import dev.oversell.run.RunFolder;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;
import dev.oversell.run.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This run's {@code power/power.json} ({@link Power}), which the report reads: each power test writes its family's
 * row into it, keeping the rows other tests of the same run wrote (Lincheck, jcstress, the databases: one JVM each),
 * what it was run with ({@link RunSettings}: the same in each, one command line's) and the units of the power this
 * shard took ({@link Units}: a family's power is one).
 * A file of another run is replaced, never merged.
 */
final class PowerFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PowerFile() {
    }

    /** {@code <run>/power/power.json}. */
    static Path path() {
        return RunFolder.dir(Power.FOLDER).resolve(Power.FILE);
    }

    /** Writes {@code row} in place of the family's earlier row of this run, and returns the file. */
    static Path merge(Power.Family row) {
        Path file = path();
        try {
            Power before = Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Power.class) : null;
            List<Power.Family> rows = new ArrayList<>();
            if (before != null && before.runId().equals(RunFolder.id())) {
                before.families().stream().filter(f -> !f.family().equals(row.family())).forEach(rows::add);
            }
            rows.add(row);
            JSON.writeValue(file.toFile(), new Power(RunFolder.id(), rows, RunSettings.ofThisJvm(), Units.of(Shard.current(),
                    Stream.of(Family.values()).map(PowerOfAFamily::unit).toList())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rows written so far in this run. */
    static List<Power.Family> rows() {
        try {
            return Files.isRegularFile(path()) ? JSON.readValue(path().toFile(), Power.class).families() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
