package dev.oversell.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the property suites keep what they observed, for people and for the report: {@code target/oversell/}
 * of this module (override with {@code -Doversell.evidenceDir}).
 */
public final class Evidence {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Evidence() {
    }

    public static Path dir(String suite) {
        Path dir = Path.of(System.getProperty("oversell.evidenceDir", "target/oversell")).resolve(suite);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
