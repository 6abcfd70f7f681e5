package dev.oversell.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.oversell.design.Design;
import dev.oversell.judge.Observation;
import dev.oversell.run.Environment;
import dev.oversell.run.JudgedDesign;
import dev.oversell.run.Observations;
import dev.oversell.run.RunFolder;
import dev.oversell.run.RunSettings;
import dev.oversell.run.Shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the suites keep what they observed, for people and for the report: one folder per family in this run's
 * folder ({@link RunFolder}), and in it the one typed record every family writes, {@code observations.json}.
 */
public final class Evidence {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Evidence() {
    }

    public static Path dir(String suite) {
        return suite.isEmpty() ? RunFolder.dir() : RunFolder.dir(suite);
    }

    /**
     * Writes {@code <suite>/observations.json}: this run's id, the JVM that measured, the designs judged with
     * their claims, every observation, what the suite was run with ({@link RunSettings}) and the units its shard
     * took ({@link Shard#taken}).
     */
    public static Path writeObservations(String suite, List<? extends Design> designs, List<Observation> observations) {
        return writeJson(suite, "observations.json", new Observations(RunFolder.id(), suite, Environment.ofThisJvm(),
                designs.stream().map(JudgedDesign::of).toList(), observations, RunSettings.ofThisJvm(), Shard.taken(suite)));
    }

    public static Path writeText(String suite, String fileName, String text) {
        Path file = dir(suite).resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeJson(String suite, String fileName, Object value) {
        Path file = dir(suite).resolve(fileName);
        try {
            JSON.writeValue(file.toFile(), value);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
