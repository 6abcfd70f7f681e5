package dev.oversell.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * What each check runs on, compared with what Oversell is built and tested with, before the check starts: a project
 * whose own BOM (Spring Boot's, say) moved one of them to an older version than Oversell's gets a failure that names
 * the artifact, both versions and the pin that fixes it, before anything runs on an untested combination (and
 * rather than a {@code NoSuchMethodError} deep inside Lincheck or jcstress). A version newer than Oversell's is
 * allowed and said on one line: Spring Boot 4.0.7 moves Byte Buddy, Kotlin, coroutines, H2 and HikariCP ahead, and
 * every check was measured to pass on them (docs/spring-boot.md).
 *
 * <p>A version is read from the jar that holds a class of the artifact: its {@code META-INF/maven/.../pom.properties},
 * else its manifest's {@code Implementation-Version} or {@code Bundle-Version}, else the jar's file name. An
 * artifact that is not on the class path is not this check's business (the check that needs it fails without it).
 *
 * <p>Each suite calls {@link #require()} first: {@code CheckerVersions.LINCHECK.require()}.
 */
public enum CheckerVersions {

    LINCHECK("Lincheck", "org.jetbrains.lincheck:lincheck",
            new Artifact("org.jetbrains.lincheck:lincheck", "org.jetbrains.lincheck.Lincheck"),
            new Artifact("org.jetbrains.kotlin:kotlin-stdlib", "kotlin.KotlinVersion"),
            new Artifact("org.jetbrains.kotlinx:kotlinx-coroutines-core-jvm", "kotlinx.coroutines.CoroutineScope"),
            new Artifact("net.bytebuddy:byte-buddy", "net.bytebuddy.ByteBuddy"),
            new Artifact("net.bytebuddy:byte-buddy-agent", "net.bytebuddy.agent.ByteBuddyAgent")),
    JCSTRESS("jcstress", "org.openjdk.jcstress:jcstress-core",
            new Artifact("org.openjdk.jcstress:jcstress-core", "org.openjdk.jcstress.Main")),
    DATABASE("database checks", null,
            new Artifact("com.h2database:h2", "org.h2.Driver"),
            new Artifact("com.zaxxer:HikariCP", "com.zaxxer.hikari.HikariDataSource"),
            new Artifact("com.github.jsqlparser:jsqlparser", "net.sf.jsqlparser.parser.CCJSqlParserUtil"));

    private static final String BOM = "dev.oversell:oversell-bom";
    private static final Pattern LEADING_NUMBERS = Pattern.compile("^(\\d+(?:\\.\\d+)*)");

    private final String checker;
    private final String checkerArtifact;
    private final List<Artifact> artifacts;

    CheckerVersions(String checker, String checkerArtifact, Artifact... artifacts) {
        this.checker = checker;
        this.checkerArtifact = checkerArtifact;
        this.artifacts = List.of(artifacts);
    }

    /**
     * Throws an {@link IllegalStateException} naming every artifact of this check that is on the class path at a
     * version older than Oversell's, with the import or the pin that fixes it; prints one line for each that is
     * newer. Returns quietly when everything is as Oversell is built with.
     */
    public void require() {
        Map<String, String> found = new LinkedHashMap<>();
        for (Artifact artifact : artifacts) {
            versionOnClassPath(artifact).ifPresent(version -> found.put(artifact.coordinates(), version));
        }
        List<String> older = olderThanBuiltWith(found, builtWith());
        for (String coordinates : found.keySet()) {
            String built = builtWith().get(coordinates);
            if (built != null && compare(found.get(coordinates), built) > 0) {
                System.out.printf("[oversell] %s %s is on the class path, newer than the %s %s is built with%n",
                        coordinates, found.get(coordinates), built, checkerName(builtWith()));
            }
        }
        if (!older.isEmpty()) {
            throw new IllegalStateException(String.join("\n", older));
        }
    }

    /**
     * One sentence per artifact of {@code found} (coordinates to the version on the class path) older than in
     * {@code builtWith}: what is there, what the check needs, and the fix.
     */
    List<String> olderThanBuiltWith(Map<String, String> found, Map<String, String> builtWith) {
        List<String> older = new ArrayList<>();
        for (Map.Entry<String, String> entry : found.entrySet()) {
            String built = builtWith.get(entry.getKey());
            if (built == null || compare(entry.getValue(), built) >= 0) {
                continue;
            }
            older.add(entry.getKey() + " " + entry.getValue() + " is on the class path, older than the " + built
                    + " " + checkerName(builtWith) + " is built and tested with. Import " + BOM + " before spring-boot-dependencies (or any other BOM:"
                    + " the first import that manages an artifact wins), or pin " + entry.getKey() + " " + built
                    + " in <dependencyManagement>.");
        }
        return older;
    }

    /** "Oversell's Lincheck 3.7", "Oversell's jcstress 0.16", "Oversell's database checks". */
    private String checkerName(Map<String, String> builtWith) {
        if (checkerArtifact == null) {
            return "Oversell's " + checker;
        }
        return "Oversell's " + checker + " " + builtWith.getOrDefault(checkerArtifact, "");
    }

    /** Compares the leading numbers of two versions ({@code 1.14.12} against {@code 1.17.8}); qualifiers aside. */
    static int compare(String a, String b) {
        long[] x = numbers(a);
        long[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? x[i] : 0;
            long q = i < y.length ? y[i] : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long[] numbers(String version) {
        Matcher m = LEADING_NUMBERS.matcher(version.strip());
        if (!m.find()) {
            return new long[0];
        }
        String[] parts = m.group(1).split("\\.");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Long.parseLong(parts[i]);
        }
        return numbers;
    }

    /** The versions Oversell is built with: {@code built-with.properties}, filled in by the build. */
    static Map<String, String> builtWith() {
        Properties properties = new Properties();
        try (InputStream in = CheckerVersions.class.getResourceAsStream("built-with.properties")) {
            if (in == null) {
                throw new IllegalStateException("oversell-runtime has no dev/oversell/run/built-with.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> versions.put(key, properties.getProperty(key)));
        return versions;
    }

    /** The version of {@code artifact} on this class path, if a class of it is there. */
    static Optional<String> versionOnClassPath(Artifact artifact) {
        Class<?> type;
        try {
            type = Class.forName(artifact.aClass(), false, CheckerVersions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        Path jar;
        try {
            jar = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        return versionOfJar(jar, artifact);
    }

    static Optional<String> versionOfJar(Path jar, Artifact artifact) {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry pom = file.getEntry("META-INF/maven/" + artifact.groupId() + "/" + artifact.artifactId() + "/pom.properties");
            if (pom != null) {
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream(pom)) {
                    properties.load(in);
                }
                String version = properties.getProperty("version");
                if (version != null) {
                    return Optional.of(version.strip());
                }
            }
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                for (String attribute : List.of("Implementation-Version", "Bundle-Version")) {
                    String version = manifest.getMainAttributes().getValue(attribute);
                    Matcher numbers = version == null ? null : LEADING_NUMBERS.matcher(version.strip());
                    if (numbers != null && numbers.find()) {
                        return Optional.of(numbers.group(1)); // Kotlin's says 2.2.0-release-294
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String name = jar.getFileName().toString();
        String prefix = artifact.artifactId() + "-";
        if (name.startsWith(prefix) && name.endsWith(".jar")) {
            return Optional.of(name.substring(prefix.length(), name.length() - ".jar".length()));
        }
        return Optional.empty();
    }

    /** An artifact by its coordinates ({@code group:artifact}) and one class it holds. */
    record Artifact(String coordinates, String aClass) {

        String groupId() {
            return coordinates.substring(0, coordinates.indexOf(':'));
        }

        String artifactId() {
            return coordinates.substring(coordinates.indexOf(':') + 1);
        }
    }
}
